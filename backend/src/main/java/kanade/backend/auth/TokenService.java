package kanade.backend.auth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import kanade.backend.api.ApiException;
import kanade.backend.api.ErrorCode;
import kanade.runtime.audit.AuditPolicy;

/**
 * Named API tokens for automation (admin): created for an account with an optional lifetime, shown once, stored as
 * a hash, listed by name and last use, revoked at once. A token acts with its account's current role.
 */
public final class TokenService {
    /** Tokens start with this, so a leaked one is recognisable in a scan. */
    public static final String PREFIX = "kanade_";
    private final ApiTokenStore tokens;
    private final AccountStore accounts;
    private final AuditPolicy audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** The one reply that carries the secret. */
    public record CreatedToken(String name, String username, String token, Instant expiresAt) {
    }

    public TokenService(ApiTokenStore tokens, AccountStore accounts, AuditPolicy audit, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates a token for {@code username} (default: the caller) that expires after {@code lifetime} (null: never). */
    public CreatedToken create(Identity by, String name, String username, Duration lifetime) {
        Credentials.tokenName(name);
        String owner = username == null ? by.name() : username;
        if (accounts.find(owner).isEmpty()) {
            throw new ApiException(ErrorCode.ACCOUNT_NOT_FOUND, "no account named '" + owner
                    + "': a token acts as an account; name one with username");
        }
        if (lifetime != null && (lifetime.isNegative() || lifetime.isZero())) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "expires_in must be a positive duration, e.g. 90d");
        }
        Instant now = clock.instant();
        Instant expires = lifetime == null ? null : now.plus(lifetime);
        audit.beforeAction(by.name(), "token_create", name, JsonNodeFactory.instance.objectNode().put("username", owner)
                .put("expires_at", expires == null ? null : expires.toString()));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = new ApiToken(UUID.randomUUID().toString(), name, owner, by.name(), now, expires, null);
        if (!tokens.insert(token, secret)) {
            throw new ApiException(ErrorCode.CONFLICT, "a token named '" + name + "' already exists");
        }
        return new CreatedToken(name, owner, secret, expires);
    }

    public List<ApiToken> list(String username) {
        return tokens.list(username);
    }

    public void revoke(Identity by, String name) {
        audit.emergency(by.name(), "token_revoke", name, null);
        if (!tokens.revoke(name)) {
            throw new ApiException(ErrorCode.TOKEN_NOT_FOUND, "no token named '" + name + "'");
        }
    }
}
