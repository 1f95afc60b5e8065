package kanade.backend.auth;

import java.nio.file.Path;
import java.time.Clock;
import kanade.backend.store.Database;
import kanade.runtime.audit.AuditPolicy;
import kanade.runtime.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backend's authentication and accounts, assembled once: stores, the JWT codec with its resolved secret, the
 * route guard, and the login, account and token services. {@link #seedAdmin} creates the first admin.
 */
public record AuthModule(AccessGuard guard, LoginService logins, AccountService accounts, TokenService tokens,
                         Runnable seedAdmin) {
    private static final Logger LOG = LoggerFactory.getLogger(AuthModule.class);

    /**
     * Builds the module. {@code loopbackOnly} says whether the HTTP server binds loopback only: auth may be
     * disabled only then.
     */
    public static AuthModule create(AuthSettings settings, Database db, Path dataDir,
                                    boolean loopbackOnly, AuditPolicy audit, Clock clock) {
        if (settings.disabled()) {
            if (!loopbackOnly) {
                throw new ConfigException("KANADE_AUTH_DISABLE=1 is refused because the backend listens beyond "
                        + "loopback: anyone who reaches it could run code on every PC. Bind [server] host to "
                        + "127.0.0.1 for a local experiment, or unset KANADE_AUTH_DISABLE");
            }
            LOG.warn("AUTH IS DISABLED (KANADE_AUTH_DISABLE=1): every local caller is an admin; never do this on a "
                    + "shared machine");
        }
        AccountStore accounts = new AccountStore(db);
        ApiTokenStore tokens = new ApiTokenStore(db);
        PasswordHasher hasher = new PasswordHasher();
        JwtCodec jwt = new JwtCodec(JwtSecrets.resolve(settings.jwtSecret(), db.isPostgres(), dataDir),
                settings.sessionLifetime());
        LoginLockout lockout = new LoginLockout(db, settings.lockout());
        Authenticator authenticator = new Authenticator(settings, accounts, tokens, jwt, clock);
        Runnable seed = () -> BootstrapAdmin.ensure(accounts, hasher, settings.bootstrapUser(),
                settings.bootstrapPassword(), dataDir, clock);
        return new AuthModule(new AccessGuard(authenticator, audit),
                new LoginService(accounts, hasher, jwt, lockout, audit, clock),
                new AccountService(accounts, hasher, audit, clock), new TokenService(tokens, accounts, audit, clock),
                seed);
    }
}
