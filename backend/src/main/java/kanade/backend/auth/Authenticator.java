package kanade.backend.auth;

import java.time.Clock;
import java.util.Optional;
import kanade.runtime.secret.Secret;

/**
 * One authentication step for {@code /api/*}, in kanade's order: auth disabled (dev) -> static service token
 * (constant-time; a mismatch falls through) -> named API token -> HS256 session JWT. The account row is read on
 * every request and decides: unknown or disabled is refused, the role is the row's, so a demotion acts at once.
 * A failed lookup refuses the request.
 */
public final class Authenticator {
    private static final String BEARER = "Bearer ";
    private final AuthSettings settings;
    private final AccountStore accounts;
    private final ApiTokenStore tokens;
    private final JwtCodec jwt;
    private final Clock clock;

    public Authenticator(AuthSettings settings, AccountStore accounts, ApiTokenStore tokens, JwtCodec jwt,
                         Clock clock) {
        this.settings = settings;
        this.accounts = accounts;
        this.tokens = tokens;
        this.jwt = jwt;
        this.clock = clock;
    }

    /** Authenticates the value of an {@code Authorization} header (null when absent). */
    public AuthResult authenticate(String authorization) {
        if (settings.disabled()) {
            return new AuthResult.Authenticated(Identity.AUTH_DISABLED);
        }
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || authorization.substring(BEARER.length()).isBlank()) {
            return refused("no credentials: run `kanade login`, or send Authorization: Bearer <token>");
        }
        String presented = authorization.substring(BEARER.length()).strip();
        Secret staticToken = settings.staticToken();
        if (staticToken != null && staticToken.matches(presented)) {
            return new AuthResult.Authenticated(Identity.SERVICE_TOKEN);
        }
        try {
            return JwtCodec.looksLikeJwt(presented) ? session(presented) : apiToken(presented);
        } catch (RuntimeException e) {
            return new AuthResult.Refused("cannot check credentials right now (the account database is unavailable)",
                    true);
        }
    }

    private AuthResult session(String token) {
        Optional<String> subject = jwt.subject(token);
        if (subject.isEmpty()) {
            return refused("invalid or expired token: run `kanade login` again");
        }
        return accounts.find(subject.get())
                .<AuthResult>map(a -> a.disabled() ? refused("account disabled")
                        : new AuthResult.Authenticated(new Identity(a.username(), a.role(), Identity.Kind.SESSION,
                                a.mustChangePw())))
                .orElseGet(() -> refused("invalid or expired token: run `kanade login` again"));
    }

    private AuthResult apiToken(String secret) {
        Optional<ApiToken> token = tokens.findBySecret(secret);
        if (token.isEmpty() || token.get().expiredAt(clock.instant())) {
            return refused("invalid, revoked or expired token");
        }
        Optional<Account> account = accounts.find(token.get().username());
        if (account.isEmpty() || account.get().disabled()) {
            return refused("account disabled");
        }
        tokens.touch(token.get(), clock.instant());
        return new AuthResult.Authenticated(new Identity(account.get().username(), account.get().role(),
                Identity.Kind.API_TOKEN, false));
    }

    private static AuthResult refused(String message) {
        return new AuthResult.Refused(message, false);
    }
}
