package kanade.backend.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kanade.backend.api.Role;
import kanade.runtime.secret.Secret;

/**
 * kanade's session tokens: HS256 JWTs with {@code sub}, {@code exp}, {@code aud=kanade} and {@code roles}. Only
 * the subject is trusted on the way in (the account row decides the role); any other algorithm, audience, a missing
 * or past {@code exp} or a bad signature is refused.
 */
public final class JwtCodec {
    public static final String AUDIENCE = "kanade";
    private static final long LEEWAY_SECONDS = 5;

    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final Duration lifetime;

    /** A signed token and when it expires. */
    public record Issued(String token, Instant expiresAt) {
    }

    public JwtCodec(Secret secret, Duration lifetime) {
        this.algorithm = Algorithm.HMAC256(secret.reveal().getBytes(StandardCharsets.UTF_8));
        this.verifier = JWT.require(algorithm).withAudience(AUDIENCE).withClaimPresence("exp").withClaimPresence("sub")
                .acceptLeeway(LEEWAY_SECONDS).build();
        this.lifetime = lifetime;
    }

    /** A token for {@code username} valid from {@code now} for the configured lifetime (kanade: 12 h). */
    public Issued issue(String username, Role role, Instant now) {
        Instant expires = now.plus(lifetime);
        String token = JWT.create().withSubject(username).withAudience(AUDIENCE).withIssuedAt(now)
                .withExpiresAt(expires).withClaim("roles", List.of(role.wireName())).sign(algorithm);
        return new Issued(token, expires);
    }

    /** The subject of a valid token, or empty. */
    public Optional<String> subject(String token) {
        try {
            return Optional.ofNullable(verifier.verify(token).getSubject()).filter(s -> !s.isBlank());
        } catch (JWTVerificationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code token} looks like a JWT at all (three dot-separated parts), so other bearers skip it. */
    public static boolean looksLikeJwt(String token) {
        return token.chars().filter(c -> c == '.').count() == 2;
    }
}
