package kanade.backend.auth;

import java.time.Duration;
import java.util.Map;
import kanade.runtime.secret.Secret;
import kanade.runtime.secret.SecretName;
import kanade.runtime.secret.SecretSource;

/**
 * How the backend authenticates: {@code disabled} only from {@code KANADE_AUTH_DISABLE=1} on a loopback-only
 * backend; the optional static service token; the JWT secret (null: resolved by {@link JwtSecrets}); session
 * lifetime (kanade: 12 h); lockout thresholds; the bootstrap admin's name and optional password.
 */
public record AuthSettings(boolean disabled, Secret staticToken, Secret jwtSecret, Duration sessionLifetime,
                           LoginLockout.Policy lockout, String bootstrapUser, Secret bootstrapPassword) {
    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);

    /**
     * From the environment and the secret source (registry first on Windows): KANADE_AUTH_DISABLE (1/true),
     * KANADE_AUTH_STATIC_TOKEN, KANADE_JWT_SECRET, KANADE_BOOTSTRAP_ADMIN_USER and _PASSWORD.
     */
    public static AuthSettings fromEnvironment(Map<String, String> env, SecretSource secrets) {
        String disable = env.getOrDefault("KANADE_AUTH_DISABLE", "").strip();
        boolean disabled = disable.equals("1") || disable.equalsIgnoreCase("true");
        String user = env.getOrDefault("KANADE_BOOTSTRAP_ADMIN_USER", "").isBlank() ? "admin"
                : env.get("KANADE_BOOTSTRAP_ADMIN_USER").strip();
        return new AuthSettings(disabled, secrets.lookup(SecretName.STATIC_TOKEN).orElse(null),
                secrets.lookup(SecretName.JWT_SECRET).orElse(null), SESSION_LIFETIME, LoginLockout.Policy.DEFAULT,
                user, secrets.lookup(SecretName.BOOTSTRAP_ADMIN_PASSWORD).orElse(null));
    }

    /** Auth on, no static token, generated JWT secret, default lockout, bootstrap user {@code admin}. */
    public static AuthSettings defaults() {
        return new AuthSettings(false, null, null, SESSION_LIFETIME, LoginLockout.Policy.DEFAULT, "admin", null);
    }

    public AuthSettings withStaticToken(Secret token) {
        return new AuthSettings(disabled, token, jwtSecret, sessionLifetime, lockout, bootstrapUser, bootstrapPassword);
    }

    public AuthSettings withJwtSecret(Secret secret) {
        return new AuthSettings(disabled, staticToken, secret, sessionLifetime, lockout, bootstrapUser,
                bootstrapPassword);
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
