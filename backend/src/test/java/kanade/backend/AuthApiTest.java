package kanade.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kanade.backend.api.Role;
import kanade.backend.api.Route;
import kanade.backend.auth.AuthSettings;
import kanade.backend.auth.JwtCodec;
import kanade.backend.auth.LoginLockout;
import kanade.backend.store.DbSettings;
import kanade.runtime.secret.Secret;
import kanade.testkit.NatsServerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Authentication and role checks over HTTP against a real backend: every route, every kind of caller. */
class AuthApiTest {
    private static final Secret JWT_SECRET = new Secret("jwt-secret-for-the-auth-api-test-0123456789", "test");
    private static final String BOOTSTRAP_PASSWORD = "first-admin-password";
    @RegisterExtension
    static final NatsServerFixture nats = NatsServerFixture.withJetStream();
    @TempDir
    static Path dir;
    static BackendServer backend;
    static Http service;
    static Map<String, String> tokens;

    @BeforeAll
    static void start() throws Exception {
        BackendSettings settings = TestBackends.settings(nats, DbSettings.sqlite(dir.resolve("b.db")));
        settings = settings.withAuth(settings.auth().withJwtSecret(JWT_SECRET)
                .withBootstrapPassword(new Secret(BOOTSTRAP_PASSWORD, "test"))
                .withLockout(new LoginLockout.Policy(3, Duration.ofMinutes(5), Duration.ofSeconds(2), 4)));
        backend = BackendServer.start(settings, Clock.systemUTC());
        service = Http.asService(backend);
        tokens = new java.util.HashMap<>();
        for (String role : List.of("viewer", "operator", "admin")) {
            tokens.put(role, AuthFlows.sessionOf(service, role + "1", role));
        }
        String disabled = AuthFlows.sessionOf(service, "gone1", "admin");
        assertThat(service.patch("/api/accounts/gone1", "{\"disabled\":true}").status()).isEqualTo(200);
        tokens.put("disabled", disabled);
        tokens.put("expired", new JwtCodec(JWT_SECRET, Duration.ofHours(12))
                .issue("admin1", Role.ADMIN, Instant.now().minus(Duration.ofDays(1))).token());
        tokens.put("static", backend.settings().auth().staticToken().reveal());
        JsonNode named = service.post("/api/tokens", "{\"name\":\"ci\",\"username\":\"operator1\"}").json();
        tokens.put("named", named.get("token").asText());
    }

    @AfterAll
    static void stop() throws Exception {
        backend.close();
    }

    @Test
    void everyRouteAnswersEachKindOfCallerAsItsRoleSays() throws Exception {
        Map<String, Role> callers = new java.util.LinkedHashMap<>();
        callers.put("none", null);
        callers.put("viewer", Role.VIEWER);
        callers.put("operator", Role.OPERATOR);
        callers.put("admin", Role.ADMIN);
        callers.put("static", Role.ADMIN);
        callers.put("named", Role.OPERATOR);
        callers.put("disabled", null);
        callers.put("expired", null);
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Route route : backend.routes().routes()) {
            for (var caller : callers.entrySet()) {
                Http http = service.withToken(caller.getKey().equals("none") ? null : tokens.get(caller.getKey()));
                int status = AuthFlows.call(http, route);
                int expected = expected(route.role(), caller.getValue());
                boolean ok = expected == 0 ? status != 401 && status != 403 : status == expected;
                cells++;
                if (!ok) {
                    wrong.add(route.method() + " " + route.path() + " as " + caller.getKey() + ": " + status
                            + " (expected " + (expected == 0 ? "neither 401 nor 403" : expected) + ")");
                }
            }
        }
        assertThat(wrong).as(cells + " cells").isEmpty();
    }

    /** 0: allowed (anything but 401/403); else the refusal. */
    private static int expected(Role needed, Role held) {
        if (needed == Role.PUBLIC) {
            return 0;
        }
        if (held == null) {
            return 401;
        }
        return needed.allows(held) ? 0 : 403;
    }

    @Test
    void theBootstrapAdminMustChangeItsPasswordBeforeAnythingElse() throws Exception {
        JsonNode login = service.post("/api/auth/login", "{\"username\":\"admin\",\"password\":\""
                + BOOTSTRAP_PASSWORD + "\"}").json();
        assertThat(login.get("must_change_pw").asBoolean()).isTrue();
        assertThat(login.get("role").asText()).isEqualTo("admin");
        Http admin = service.withToken(login.get("token").asText());
        Http.Response held = admin.get("/api/agents");
        assertThat(held.status()).isEqualTo(403);
        assertThat(held.json().at("/error/code").asText()).isEqualTo("password_change_required");
        assertThat(admin.get("/api/auth/me").json().get("must_change_pw").asBoolean()).isTrue();
        assertThat(admin.post("/api/auth/change-password", "{\"old_password\":\"" + BOOTSTRAP_PASSWORD
                + "\",\"new_password\":\"a-new-and-long-password\"}").status()).isEqualTo(204);
        assertThat(admin.get("/api/agents").status()).isEqualTo(200);
    }

    @Test
    void aDemotedOperatorLosesRunAtOnceAndTheDenialIsAudited() throws Exception {
        String token = AuthFlows.sessionOf(service, "demoted1", "operator");
        Http operator = service.withToken(token);
        assertThat(operator.post("/api/run", "{}").status()).isEqualTo(400);
        assertThat(service.patch("/api/accounts/demoted1", "{\"role\":\"viewer\"}").status()).isEqualTo(200);
        Http.Response refused = operator.post("/api/run", "{\"pc_id\":\"pc1\",\"script\":\"true\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().at("/error/message").asText()).contains("operator").contains("viewer");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                service.get("/api/audit?action=auth_forbidden&actor=demoted1").json().size() >= 1);
    }

    @Test
    void repeatedFailedLoginsLockTheNameWithRetryAfterAndAreAudited() throws Exception {
        AuthFlows.sessionOf(service, "locked1", "viewer");
        for (int i = 0; i < 3; i++) {
            assertThat(login("locked1", "wrong-password").status()).isEqualTo(401);
        }
        Http.Response locked = login("locked1", AuthFlows.PASSWORD);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.header("Retry-After")).isNotBlank();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                login("locked1", AuthFlows.PASSWORD).status() == 200);
        assertThat(service.get("/api/audit?action=auth_lockout&actor=locked1").json().size()).isEqualTo(1);
        assertThat(service.get("/api/audit?action=auth_login_failed&actor=locked1").json().size()).isEqualTo(3);
    }

    @Test
    void unknownNamesAndWrongPasswordsGetTheSameAnswer() throws Exception {
        Http.Response unknown = login("nobody-at-all", "whatever-password");
        Http.Response wrong = login("viewer1", "whatever-password");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrong.body());
    }

    @Test
    void aCrossSiteTextPlainRunIsRefusedAndRunsNothing() throws Exception {
        RawHttp raw = new RawHttp(backend.httpPort(), tokens.get("operator"));
        byte[] body = "{\"pc_id\":\"pc1\",\"script\":\"touch /tmp/pwned\"}".getBytes();
        RawHttp.Answer crossSite = raw.send("POST", "/api/run", "Origin: http://evil.example\r\n"
                + "Content-Type: text/plain\r\n", body);
        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(crossSite.json().at("/error/code").asText()).isEqualTo("cross_site_request");
        RawHttp.Answer textPlain = raw.send("POST", "/api/run", "Content-Type: text/plain\r\n", body);
        assertThat(textPlain.status()).isEqualTo(415);
        assertThat(service.get("/api/audit?action=run").json().size()).isZero();
    }

    private static Http.Response login(String user, String password) throws Exception {
        return new Http(backend.httpPort()).post("/api/auth/login", "{\"username\":\"" + user + "\",\"password\":\""
                + password + "\"}");
    }
}
