package kanade.backend.auth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import kanade.backend.api.ApiException;
import kanade.backend.api.ErrorCode;
import kanade.runtime.audit.AuditPolicy;

/**
 * POST /api/auth/login and change-password. Every failed login is the same 401 "invalid credentials" after the
 * same Argon2 work, known name or not; failures count per account name and per source address
 * ({@link LoginLockout}), and a locked subject gets 429 with Retry-After. Logins, failures and locks are audited.
 */
public final class LoginService {
    private static final String INVALID = "invalid credentials";
    private final AccountStore accounts;
    private final PasswordHasher hasher;
    private final JwtCodec jwt;
    private final LoginLockout lockout;
    private final AuditPolicy audit;
    private final Clock clock;

    /** The login reply: kanade's shape, {@code exp} in epoch seconds. */
    public record LoginReply(String token, String role, boolean mustChangePw, long exp) {
    }

    public LoginService(AccountStore accounts, PasswordHasher hasher, JwtCodec jwt, LoginLockout lockout,
                        AuditPolicy audit, Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.jwt = jwt;
        this.lockout = lockout;
        this.audit = audit;
        this.clock = clock;
    }

    public LoginReply login(String username, String password, String remote) {
        if (username == null || password == null || password.length() > Credentials.MAX_PASSWORD
                || username.length() > 64) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, INVALID);
        }
        Instant now = clock.instant();
        String accountKey = LoginLockout.account(username);
        String addressKey = LoginLockout.address(remote);
        Optional<Duration> locked = lockout.remaining(accountKey, now).or(() -> lockout.remaining(addressKey, now));
        if (locked.isPresent()) {
            throw new LockedOut(locked.get());
        }
        Optional<Account> account = accounts.find(username);
        boolean ok = account.isPresent() ? hasher.verify(password, account.get().passwordHash())
                : hasher.verifyNothing(password);
        if (!ok || account.get().disabled()) {
            failed(username, remote, accountKey, addressKey, now);
            throw new ApiException(ErrorCode.UNAUTHORIZED, INVALID);
        }
        Account found = account.get();
        lockout.clear(accountKey);
        audit.emergency(found.username(), "auth_login", found.username(), details(remote));
        accounts.touchLogin(found.username(), now);
        JwtCodec.Issued issued = jwt.issue(found.username(), found.role(), now);
        return new LoginReply(issued.token(), found.role().wireName(), found.mustChangePw(),
                issued.expiresAt().getEpochSecond());
    }

    private void failed(String username, String remote, String accountKey, String addressKey, Instant now) {
        String actor = username.isBlank() ? "anonymous" : username;
        audit.emergency(actor, "auth_login_failed", actor, details(remote));
        LoginLockout.Failure byAccount = lockout.fail(accountKey, false, now);
        LoginLockout.Failure byAddress = lockout.fail(addressKey, true, now);
        if (byAccount.lockedNow() || byAddress.lockedNow()) {
            ObjectNode payload = details(remote).put("locked", byAccount.lockedNow() ? "account" : "address")
                    .put("until", (byAccount.lockedNow() ? byAccount : byAddress).lockedUntil().toString());
            audit.emergency(actor, "auth_lockout", byAccount.lockedNow() ? actor : remote, payload);
        }
    }

    /** Changes the caller's own password; clears must_change_pw. */
    public void changePassword(Identity caller, String oldPassword, String newPassword) {
        if (caller.kind() != Identity.Kind.SESSION && caller.kind() != Identity.Kind.API_TOKEN) {
            throw new ApiException(ErrorCode.BAD_REQUEST, caller.name() + " has no password; log in as an account");
        }
        Account account = accounts.find(caller.name())
                .orElseThrow(() -> new ApiException(ErrorCode.UNAUTHORIZED, "account no longer exists"));
        if (oldPassword == null || !hasher.verify(oldPassword, account.passwordHash())) {
            throw new ApiException(ErrorCode.FORBIDDEN, "old_password is not the current password");
        }
        Credentials.password(newPassword, "new_password");
        if (newPassword.equals(oldPassword)) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "new_password must differ from old_password");
        }
        audit.beforeAction(caller.name(), "account_change_password", caller.name(), null);
        accounts.setPassword(caller.name(), hasher.hash(newPassword), false, clock.instant());
    }

    private static ObjectNode details(String remote) {
        return JsonNodeFactory.instance.objectNode().put("source", remote);
    }

    /** The subject is locked: 429 with Retry-After. */
    public static final class LockedOut extends RuntimeException {
        private final Duration retryAfter;

        LockedOut(Duration retryAfter) {
            super("too many failed logins; try again in " + Math.max(1, retryAfter.toSeconds()) + " s");
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }
}
