package kanade.backend.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import kanade.backend.store.Database;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * {@code api_tokens}: named tokens for automation. Only a SHA-256 of each secret is stored (the secret is 256 random
 * bits, so a fast hash is enough), looked up by that hash; the last use is written at most once a minute.
 */
public final class ApiTokenStore {
    private static final String COLUMNS = "token_id, name, username, created_by, created_at, expires_at, last_used_at";
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private final Database db;

    public ApiTokenStore(Database db) {
        this.db = db;
    }

    /** Stores a token; false when the name is taken. */
    public boolean insert(ApiToken token, String secret) {
        return db.jdbi().withHandle(h -> h.createUpdate("insert into api_tokens (token_id, name, username, token_hash, "
                        + "created_by, created_at, expires_at) values (:id, :name, :u, :hash, :by, :at, :exp) "
                        + "on conflict (name) do nothing")
                .bind("id", token.tokenId()).bind("name", token.name()).bind("u", token.username())
                .bind("hash", hash(secret)).bind("by", token.createdBy()).bind("at", token.createdAt())
                .bindByType("exp", token.expiresAt(), Instant.class).execute()) == 1;
    }

    /** The token whose secret this is, if any. */
    public Optional<ApiToken> findBySecret(String secret) {
        return db.jdbi().withHandle(h -> h.createQuery("select " + COLUMNS + " from api_tokens where token_hash = :h")
                .bind("h", hash(secret)).map(ConstructorMapper.of(ApiToken.class)).findOne());
    }

    /** Tokens, optionally of one account, by name. */
    public List<ApiToken> list(String username) {
        return db.jdbi().withHandle(h -> {
            var query = h.createQuery("select " + COLUMNS + " from api_tokens"
                    + (username == null ? "" : " where username = :u") + " order by name");
            if (username != null) {
                query.bind("u", username);
            }
            return query.map(ConstructorMapper.of(ApiToken.class)).list();
        });
    }

    /** Revokes (deletes) a token by name; false when there is none. */
    public boolean revoke(String name) {
        return db.jdbi().withHandle(h -> h.createUpdate("delete from api_tokens where name = :n").bind("n", name)
                .execute()) == 1;
    }

    /** Records a use, unless one was recorded in the last minute. */
    public void touch(ApiToken token, Instant now) {
        if (token.lastUsedAt() == null || token.lastUsedAt().plus(TOUCH_EVERY).isBefore(now)) {
            db.jdbi().useHandle(h -> h.createUpdate("update api_tokens set last_used_at = :now where token_id = :id")
                    .bind("now", now).bind("id", token.tokenId()).execute());
        }
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
