package kanade.backend.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import kanade.runtime.config.ConfigException;
import kanade.runtime.secret.Secret;
import kanade.runtime.secret.SecretName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the JWT signing secret comes from: the secret source (registry, then {@code KANADE_JWT_SECRET}); else, for
 * one backend on SQLite, a random secret generated once into {@code <data dir>/jwt-secret} (0600). With PostgreSQL
 * (the several-backends path) every backend must share one, so a missing secret is a start-up error. Never a default.
 */
public final class JwtSecrets {
    private static final Logger LOG = LoggerFactory.getLogger(JwtSecrets.class);
    static final String FILE = "jwt-secret";

    private JwtSecrets() {
    }

    /** {@code configured} (from the secret source; may be null) or the data dir's generated one. */
    public static Secret resolve(Secret configured, boolean postgres, Path dataDir) {
        if (configured != null) {
            if (configured.reveal().length() < 32) {
                LOG.warn("the JWT secret from {} is shorter than 32 characters; use a long random value",
                        configured.origin());
            }
            return configured;
        }
        if (postgres) {
            throw new ConfigException("no JWT secret: with PostgreSQL several backends may share the database, so they "
                    + "must share one signing secret. Set " + SecretName.JWT_SECRET.envVar() + " (or the registry value "
                    + SecretName.JWT_SECRET.registryKey() + "\\" + SecretName.JWT_SECRET.registryValue()
                    + ") to a long random value, e.g. `openssl rand -base64 48`");
        }
        return fromDataDir(dataDir.resolve(FILE));
    }

    private static Secret fromDataDir(Path file) {
        try {
            if (!Files.exists(file)) {
                generate(file);
            }
            return new Secret(Files.readString(file, StandardCharsets.UTF_8).strip(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the JWT secret " + file, e);
        }
    }

    private static void generate(Path file) {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        if (PrivateFiles.createNew(file, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))) {
            LOG.info("generated a JWT signing secret in {} (mode 0600); set {} instead to share one between backends",
                    file, SecretName.JWT_SECRET.envVar());
        }
    }
}
