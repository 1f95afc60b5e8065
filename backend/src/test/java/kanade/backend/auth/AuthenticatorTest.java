package kanade.backend.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import kanade.backend.api.Role;
import kanade.backend.store.Database;
import kanade.backend.store.DbSettings;
import kanade.runtime.secret.Secret;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Authentication against a real SQLite database: every forged or stale credential is refused. */
class AuthenticatorTest {
    private static final Secret SECRET = new Secret("a-long-test-secret-of-at-least-32-characters", "test");
    private static final Secret STATIC = new Secret("static-service-token-for-tests", "test");
    @TempDir
    static Path dir;
    private static Database db;
    private static AccountStore accounts;
    private static ApiTokenStore tokens;
    private static JwtCodec jwt;
    private static Authenticator auth;
    private static final PasswordHasher HASHER = new PasswordHasher();

    @BeforeAll
    static void open() {
        db = Database.open(DbSettings.sqlite(dir.resolve("auth.db")));
        accounts = new AccountStore(db);
        tokens = new ApiTokenStore(db);
        jwt = new JwtCodec(SECRET, Duration.ofHours(12));
        auth = new Authenticator(AuthSettings.defaults().withStaticToken(STATIC), accounts, tokens, jwt,
                Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void aSessionTokenActsWithTheRoleInTheAccountRowAtEveryRequest() {
        account("op1", Role.OPERATOR);
        String token = jwt.issue("op1", Role.OPERATOR, Instant.now()).token();
        assertThat(identity(token).role()).isEqualTo(Role.OPERATOR);
        accounts.update("op1", Role.VIEWER, null, Instant.now());
        assertThat(identity(token).role()).isEqualTo(Role.VIEWER);
        accounts.update("op1", null, true, Instant.now());
        assertThat(auth.authenticate("Bearer " + token)).isInstanceOf(AuthResult.Refused.class);
    }

    @Test
    void forgedAndStaleJwtsAreRefused() throws Exception {
        account("victim", Role.ADMIN);
        String valid = jwt.issue("victim", Role.ADMIN, Instant.now()).token();
        String[] parts = valid.split("\\.");
        String none = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        var keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        String rs256 = JWT.create().withSubject("victim").withAudience("kanade")
                .withExpiresAt(Instant.now().plusSeconds(600))
                .sign(Algorithm.RSA256((RSAPublicKey) keys.getPublic(), (RSAPrivateKey) keys.getPrivate()));
        String wrongAud = JWT.create().withSubject("victim").withAudience("other")
                .withExpiresAt(Instant.now().plusSeconds(600)).sign(Algorithm.HMAC256(SECRET.reveal()));
        String noExp = JWT.create().withSubject("victim").withAudience("kanade").sign(Algorithm.HMAC256(SECRET.reveal()));
        String expired = jwt.issue("victim", Role.ADMIN, Instant.now().minus(Duration.ofHours(13))).token();
        String tampered = parts[0] + "." + b64(new String(Base64.getUrlDecoder().decode(parts[1]),
                StandardCharsets.UTF_8).replace("victim", "victin")) + "." + parts[2];
        String otherSecret = new JwtCodec(new Secret("another-secret-another-secret-another", "t"), Duration.ofHours(1))
                .issue("victim", Role.ADMIN, Instant.now()).token();
        account("gone", Role.ADMIN);
        String deleted = jwt.issue("gone", Role.ADMIN, Instant.now()).token();
        accounts.delete("gone");
        for (String forged : List.of(none, rs256, wrongAud, noExp, expired, tampered, otherSecret, deleted)) {
            assertThat(auth.authenticate("Bearer " + forged)).as(forged).isInstanceOf(AuthResult.Refused.class);
        }
        assertThat(identity(valid).name()).isEqualTo("victim");
    }

    @Test
    void theStaticTokenIsAnAdminNamedServiceTokenAndAMismatchFallsThrough() {
        assertThat(identity(STATIC.reveal())).isEqualTo(Identity.SERVICE_TOKEN);
        assertThat(auth.authenticate("Bearer " + STATIC.reveal() + "x")).isInstanceOf(AuthResult.Refused.class);
        assertThat(auth.authenticate(null)).isInstanceOf(AuthResult.Refused.class);
        assertThat(auth.authenticate("Basic abc")).isInstanceOf(AuthResult.Refused.class);
    }

    @Test
    void namedTokensActAsTheirAccountUntilRevokedOrExpired() {
        account("bot", Role.OPERATOR);
        ApiToken live = new ApiToken("t1", "ci", "bot", "admin", Instant.now(), null, null);
        tokens.insert(live, "kanade_live-secret");
        ApiToken old = new ApiToken("t2", "old", "bot", "admin", Instant.now(), Instant.now().minusSeconds(1), null);
        tokens.insert(old, "kanade_old-secret");
        Identity identity = identity("kanade_live-secret");
        assertThat(identity.name()).isEqualTo("bot");
        assertThat(identity.kind()).isEqualTo(Identity.Kind.API_TOKEN);
        assertThat(auth.authenticate("Bearer kanade_old-secret")).isInstanceOf(AuthResult.Refused.class);
        tokens.revoke("ci");
        assertThat(auth.authenticate("Bearer kanade_live-secret")).isInstanceOf(AuthResult.Refused.class);
    }

    @Test
    void theLastEnabledAdminCannotBeDemotedDisabledOrDeleted() {
        try (Database own = Database.open(DbSettings.sqlite(dir.resolve("admins.db")))) {
            AccountStore store = new AccountStore(own);
            store.insert(new Account("root", HASHER.hash("password1"), "admin", false, false, Instant.now(),
                    Instant.now(), null));
            assertThat(store.update("root", Role.OPERATOR, null, Instant.now())).isEqualTo(AccountStore.Change.LAST_ADMIN);
            assertThat(store.update("root", null, true, Instant.now())).isEqualTo(AccountStore.Change.LAST_ADMIN);
            assertThat(store.delete("root")).isEqualTo(AccountStore.Change.LAST_ADMIN);
            store.insert(new Account("second", HASHER.hash("password2"), "admin", false, false, Instant.now(),
                    Instant.now(), null));
            assertThat(store.update("root", Role.OPERATOR, null, Instant.now())).isEqualTo(AccountStore.Change.DONE);
        }
    }

    @Test
    void passwordsHashAsArgon2idPhcStrings() {
        String phc = HASHER.hash("correct horse");
        assertThat(phc).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(HASHER.verify("correct horse", phc)).isTrue();
        assertThat(HASHER.verify("correct horsf", phc)).isFalse();
        assertThat(HASHER.verify("correct horse", "$argon2id$v=19$garbage")).isFalse();
    }

    @Test
    void lockoutLocksAfterTheThresholdAndReleasesAfterTheLockTime() {
        LoginLockout lockout = new LoginLockout(db, new LoginLockout.Policy(3, Duration.ofMinutes(5),
                Duration.ofMinutes(1), 4));
        Instant t0 = Instant.parse("2026-11-23T10:00:00Z");
        String subject = LoginLockout.account("mallory");
        assertThat(lockout.fail(subject, false, t0).lockedNow()).isFalse();
        assertThat(lockout.fail(subject, false, t0.plusSeconds(1)).lockedNow()).isFalse();
        assertThat(lockout.fail(subject, false, t0.plusSeconds(2)).lockedNow()).isTrue();
        assertThat(lockout.remaining(subject, t0.plusSeconds(30))).isPresent();
        assertThat(lockout.remaining(subject, t0.plusSeconds(63))).isEmpty();
        assertThat(lockout.fail(subject, false, t0.plusSeconds(64)).lockedNow()).isFalse();
    }

    private static void account(String name, Role role) {
        accounts.insert(new Account(name, "x", role.wireName(), false, false, Instant.now(), Instant.now(), null));
    }

    private static Identity identity(String token) {
        AuthResult result = auth.authenticate("Bearer " + token);
        assertThat(result).isInstanceOf(AuthResult.Authenticated.class);
        return ((AuthResult.Authenticated) result).identity();
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
