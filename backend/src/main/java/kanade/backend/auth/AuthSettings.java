package kanade.backend.auth;

import java.time.Duration;
import kanade.runtime.secret.Secret;

/**
 * How the backend authenticates: {@code disabled} only from {@code KANADE_AUTH_DISABLE=1} on a loopback-only
 * backend; the optional static service token; the JWT secret (null: resolved by {@link JwtSecrets}); session
 * lifetime (kanade: 12 h); lockout thresholds; the bootstrap admin's name and optional password.
 */
public record AuthSettings(boolean disabled, Secret staticToken, Secret jwtSecret, Duration sessionLifetime,
                           LoginLockout.Policy lockout, String bootstrapUser, Secret bootstrapPassword) {
    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);

    /** Auth on, no static token, generated JWT secret, default lockout, bootstrap user {@code admin}. */
    public static AuthSettings defaults() {
        return new AuthSettings(false, null, null, SESSION_LIFETIME, LoginLockout.Policy.DEFAULT, "admin", null);
    }

    public AuthSettings withStaticToken(Secret token) {
        return new AuthSettings(disabled, token, jwtSecret, sessionLifetime, lockout, bootstrapUser, bootstrapPassword);
    }

    public AuthSettings withLockout(LoginLockout.Policy policy) {
        return new AuthSettings(disabled, staticToken, jwtSecret, sessionLifetime, policy, bootstrapUser,
                bootstrapPassword);
    }

    public AuthSettings withBootstrapPassword(Secret password) {
        return new AuthSettings(disabled, staticToken, jwtSecret, sessionLifetime, lockout, bootstrapUser, password);
    }

    public AuthSettings disabledForDev() {
        return new AuthSettings(true, staticToken, jwtSecret, sessionLifetime, lockout, bootstrapUser,
                bootstrapPassword);
    }
}
