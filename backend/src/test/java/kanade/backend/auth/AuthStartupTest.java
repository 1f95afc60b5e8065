package kanade.backend.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import kanade.backend.store.Database;
import kanade.backend.store.DbSettings;
import kanade.runtime.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the backend refuses or prepares at start-up for auth: never open beyond loopback, never a known secret. */
class AuthStartupTest {
    @TempDir
    Path dir;

    @Test
    void disablingAuthIsRefusedUnlessTheBackendListensOnLoopbackOnly() {
        try (Database db = Database.open(DbSettings.sqlite(dir.resolve("a.db")))) {
            AuthSettings disabled = AuthSettings.defaults().disabledForDev();
            assertThatThrownBy(() -> AuthModule.create(disabled, db, dir, false, null, Clock.systemUTC()))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("KANADE_AUTH_DISABLE")
                    .hasMessageContaining("loopback");
            assertThat(AuthModule.create(disabled, db, dir, true, null, Clock.systemUTC()).guard()).isNotNull();
        }
    }

    @Test
    void postgresWithoutASharedJwtSecretIsAStartUpErrorThatSaysWhatToSet() {
        assertThatThrownBy(() -> JwtSecrets.resolve(null, true, dir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("KANADE_JWT_SECRET");
    }

    @Test
    void oneSqliteBackendGeneratesItsSecretOnceOwnerOnly() throws Exception {
        String first = JwtSecrets.resolve(null, false, dir).reveal();
        assertThat(first).hasSizeGreaterThanOrEqualTo(32);
        assertThat(JwtSecrets.resolve(null, false, dir).reveal()).isEqualTo(first);
        assertThat(Files.getPosixFilePermissions(dir.resolve(JwtSecrets.FILE)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }
}
