package kanade.backend.auth;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import kanade.backend.api.Role;
import kanade.runtime.secret.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the first account when {@code users} is empty: {@code admin} (or KANADE_BOOTSTRAP_ADMIN_USER) with
 * KANADE_BOOTSTRAP_ADMIN_PASSWORD when set, else a random password written once to
 * {@code <data dir>/initial-admin-password} (mode 0600; the log names the file, never the password); must_change_pw
 * is set either way, so that password stops working at the first login.
 */
public final class BootstrapAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(BootstrapAdmin.class);

    private BootstrapAdmin() {
    }

    static final String PASSWORD_FILE = "initial-admin-password";

    /** Creates the admin if no account exists; returns the generated password (null when given or not needed). */
    public static String ensure(AccountStore accounts, PasswordHasher hasher, String user, Secret password,
                                Path dataDir, Clock clock) {
        if (!accounts.isEmpty()) {
            return null;
        }
        String generated = password == null ? randomPassword() : null;
        String chosen = password == null ? generated : password.reveal();
        Instant now = clock.instant();
        if (!accounts.insert(new Account(user, hasher.hash(chosen), Role.ADMIN.wireName(), false, true, now, now,
                null))) {
            return null; // another backend seeded it first
        }
        if (generated != null) {
            Path file = dataDir.resolve(PASSWORD_FILE);
            PrivateFiles.write(file, generated + "\n");
            LOG.warn("created the first admin account '{}'; its one-time password is in {} (log in, change it, then "
                    + "delete the file)", user, file);
        } else {
            LOG.info("created the first admin account '{}' with the password from {}", user, password.origin());
        }
        return generated;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
