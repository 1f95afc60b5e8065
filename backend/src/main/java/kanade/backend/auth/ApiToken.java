package kanade.backend.auth;

import java.time.Instant;

/** A named API token as listed: never its secret, which only its creator saw once. */
public record ApiToken(String tokenId, String name, String username, String createdBy, Instant createdAt,
                       Instant expiresAt, Instant lastUsedAt) {

    /** Whether the token has expired at {@code now}. */
    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
