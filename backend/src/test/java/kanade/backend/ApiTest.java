package kanade.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Subscription;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import kanade.agent.Agent;
import kanade.agent.AgentHarness;
import kanade.backend.api.Route;
import kanade.backend.run.RunService;
import kanade.backend.store.DbSettings;
import kanade.protocol.subject.Subjects;
import kanade.protocol.wire.Command;
import kanade.protocol.wire.Heartbeat;
import kanade.protocol.wire.Json;
import kanade.testkit.NatsServerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiTest {
    @RegisterExtension
    static final NatsServerFixture nats = NatsServerFixture.withJetStream();
    @TempDir
    static Path dir;
    static BackendServer backend;
    static Http http;
    static AgentHarness agents;
    static Agent agent;
    static final String PC = "pc-api";

    @BeforeAll
    static void start() throws Exception {
        backend = BackendServer.start(TestBackends.settings(nats, DbSettings.sqlite(dir.resolve("b.db"))),
                Clock.systemUTC());
        http = Http.asService(backend);
        agents = new AgentHarness(nats);
        agent = agents.startAgent(agents.settings(PC, dir.resolve("agent"))
                .withHeartbeatInterval(Duration.ofMillis(200)));
    }

    @AfterAll
    static void stop() throws Exception {
        agent.close();
        agents.close();
        backend.close();
    }

    @ParameterizedTest
    @CsvSource({"/api/results?since=yesterday, invalid_parameter",
            "/api/results?limit=-1, invalid_parameter",
            "/api/results?limit=abc, invalid_parameter",
            "/api/results?offset=-5, invalid_parameter",
            "/api/results?status=great, invalid_parameter",
            "/api/audit?since=3 fortnights, invalid_parameter",
            "/api/agents?limit=100000, invalid_parameter"})
    void badQueryParametersAre400WithACode(String path, String code) throws Exception {
        Http.Response response = http.get(path.replace(" ", "%20"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/code").asText()).isEqualTo(code);
        assertThat(response.json().at("/error/message").asText()).isNotBlank();
    }

    @Test
    void unknownRouteIs404Json() throws Exception {
        Http.Response response = http.get("/api/nope");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().at("/error/code").asText()).isEqualTo("not_found");
    }

    @Test
    void unknownAgentIs404AgentNotFound() throws Exception {
        Http.Response response = http.get("/api/agents/ghost");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().at("/error/code").asText()).isEqualTo("agent_not_found");
    }

    @Test
    void unknownResultIs404ResultNotFound() throws Exception {
        assertThat(http.get("/api/results/nope").json().at("/error/code").asText()).isEqualTo("result_not_found");
    }

    @Test
    void sinceAcceptsRfc3339AndDurations() throws Exception {
        assertThat(http.get("/api/results?since=24h").status()).isEqualTo(200);
        assertThat(http.get("/api/results?since=2026-01-01T00:00:00Z").status()).isEqualTo(200);
        assertThat(http.get("/api/audit?since=7d&actor=nobody").status()).isEqualTo(200);
    }

    @Test
    void heartbeatsFillTheAgentsTable() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/agents/" + PC).status() == 200);
        JsonNode row = http.get("/api/agents/" + PC).json();
        assertThat(row.get("os_family").asText()).isEqualTo("linux");
        assertThat(row.get("instance_id").asText()).isNotBlank();
        Http.Response list = http.get("/api/agents?q=API");
        assertThat(list.header("X-Total-Count")).isEqualTo("1");
        assertThat(list.json().get(0).get("pc_id").asText()).isEqualTo(PC);
    }

    @Test
    void postRunReturnsTheResultAndIsAudited() throws Exception {
        Http.Response response = http.post("/api/run", "{\"pc_id\":\"" + PC + "\",\"shell\":\"sh\",\"script\":\"echo via api\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("stdout").asText()).isEqualTo("via api\n");
        String resultId = response.json().get("result_id").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/results/" + resultId).status() == 200);
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/audit?action=run").json().size() >= 1);
        JsonNode audit = http.get("/api/audit?action=run").json().get(0);
        assertThat(audit.get("target").asText()).isEqualTo(PC);
        assertThat(audit.get("actor").asText()).isEqualTo("service-token");
    }

    @Test
    void postRunToUnknownPcIs408() throws Exception {
        Http.Response response = http.post("/api/run", "{\"pc_id\":\"ghost\",\"script\":\"true\"}");
        assertThat(response.status()).isEqualTo(408);
        assertThat(response.json().at("/error/code").asText()).isEqualTo("agent_unreachable");
    }

    @Test
    void postRunKilledAtItsTimeoutIs200WithExitMinusOne() throws Exception {
        // the agent kills at timeout_secs and reports -1, so a result arrives in time: 200, not 408
        Http.Response response = http.post("/api/run", "{\"pc_id\":\"" + PC + "\",\"script\":\"sleep 5\",\"timeout_secs\":1}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("exit_code").asInt()).isEqualTo(-1);
    }

    @Test
    void postRunWithNoResultInTimeIs408Timeout() throws Exception {
        // an agent that answers its ping but hangs before running anything: no result within timeout + slack
        String hung = "pc-hung";
        Connection connection = agents.operator();
        Dispatcher pings = connection.createDispatcher(msg -> connection.publish(msg.getReplyTo(), Json.encode(
                new Heartbeat(hung, Instant.now(), "0.0.0", hung, "linux", "hung-instance"))));
        pings.subscribe(Subjects.agentPing(hung));
        connection.flush(Duration.ofSeconds(2));
        try {
            Http.Response response = http.post("/api/run",
                    "{\"pc_id\":\"" + hung + "\",\"script\":\"true\",\"timeout_secs\":1,\"job_id\":\"job-hung\"}");
            assertThat(response.status()).as(response.body()).isEqualTo(408);
            assertThat(response.json().at("/error/code").asText()).isEqualTo("timeout");
            assertThat(response.json().at("/error/message").asText()).contains("POST /api/jobs/job-hung/kill");
        } finally {
            connection.closeDispatcher(pings);
        }
    }

    @Test
    void postRunSetsDeadlineAtFromTheTimeout() throws Exception {
        Subscription commands = agents.operator().subscribe(Subjects.commandsPc(PC));
        agents.operator().flush(Duration.ofSeconds(2));
        Instant before = Instant.now();
        Http.Response response = http.post("/api/run", "{\"pc_id\":\"" + PC + "\",\"shell\":\"sh\",\"script\":\"true\",\"timeout_secs\":30}");
        Instant after = Instant.now();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Message message = commands.nextMessage(Duration.ofSeconds(5));
        commands.unsubscribe();
        Command command = Json.decode(message.getData(), Command.class);
        // deadline_at = now + timeout_secs + slack, on the wire with millisecond precision
        assertThat(command.deadlineAt()).isBetween(
                before.truncatedTo(ChronoUnit.MILLIS).plusSeconds(30).plus(kanade.runtime.run.AuditedRun.DEADLINE_SLACK),
                after.plusSeconds(30).plus(kanade.runtime.run.AuditedRun.DEADLINE_SLACK));
    }

    @ParameterizedTest
    @CsvSource({"user", "admin", "SYSTEM"})
    void runAsOtherThanSystemIs400InvalidParameterNamingRunAs(String runAs) throws Exception {
        Http.Response response = http.post("/api/run",
                "{\"pc_id\":\"" + PC + "\",\"script\":\"true\",\"run_as\":\"" + runAs + "\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/code").asText()).isEqualTo("invalid_parameter");
        assertThat(response.json().at("/error/message").asText())
                .isEqualTo("run_as=" + runAs + " is not implemented yet; omit it or use system");
    }

    @Test
    void runAsSystemRuns() throws Exception {
        Http.Response response = http.post("/api/run",
                "{\"pc_id\":\"" + PC + "\",\"shell\":\"sh\",\"script\":\"echo sys\",\"run_as\":\"system\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("stdout").asText()).isEqualTo("sys\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"pc_id\":\"x\"}|invalid_body",
            "{\"script\":\"true\"}|invalid_body",
            "{\"pc_id\":\"x\",\"script\":\"true\",\"colour\":1}|invalid_body",
            "{\"pc_id\":\"x\",\"script\":\"true\",\"timeout_secs\":-3}|invalid_body",
            "{\"pc_id\":\"x\",\"script\":\"true\",\"jitter_secs\":9223372036854775807}|invalid_body",
            "not json|invalid_body",
            "{\"pc_id\":\"a.b\",\"script\":\"true\"}|invalid_parameter"})
    void badRunBodiesAre400(String body, String code) throws Exception {
        assertBadBody(body, code);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"pc_id\":\"x\",\"pc_id\":\"y\",\"script\":\"true\"}|invalid_body",
            "{\"pc_id\":\"x\",\"script\":\"true\"} trailing|invalid_body",
            "{\"pc_id\":123,\"script\":\"true\"}|invalid_body",
            "{\"pc_id\":\"x\",\"script\":\"true\",\"timeout_secs\":1.7}|invalid_body",
            "{\"pc_id\":\"x\",\"script\":\"true\",\"timeout_secs\":\"30\"}|invalid_body",
            "null|invalid_body",
            "[]|invalid_body"})
    void ambiguousOrCoercedRunBodiesAre400WithoutJavaNames(String body, String code) throws Exception {
        assertBadBody(body, code);
    }

    private void assertBadBody(String body, String code) throws Exception {
        Http.Response response = http.post("/api/run", body);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().at("/error/code").asText()).isEqualTo(code);
        assertThat(response.json().at("/error/message").asText())
                .doesNotContain("kanade.", "java.", "com.fasterxml", "`");
    }

    @Test
    void pingReturnsAHeartbeatOr408() throws Exception {
        Http.Response ok = http.post("/api/agents/" + PC + "/ping?wait_secs=2", "");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().at("/heartbeat/pc_id").asText()).isEqualTo(PC);
        assertThat(http.post("/api/agents/ghost/ping?wait_secs=1", "").status()).isEqualTo(408);
        assertThat(http.post("/api/agents/" + PC + "/ping?wait_secs=0", "").status()).isEqualTo(400);
    }

    @Test
    void everyRouteIsInOpenApi() throws Exception {
        JsonNode doc = http.get("/api/openapi.json").json();
        Set<String> documented = new HashSet<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey())));
        for (Route route : backend.routes().routes()) {
            assertThat(documented).contains(route.method().name() + " " + route.path());
        }
        assertThat(documented).contains("GET /api/openapi.json");
    }

    @Test
    void rootPagePointsAtTheApi() throws Exception {
        Http.Response page = http.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("Kanade").contains("/api/health/fleet");
    }

    @Test
    void healthAndVersion() throws Exception {
        assertThat(http.get("/health").body()).isEqualTo("ok");
        assertThat(http.get("/api/version").json().get("version").asText()).isNotBlank();
        Http.Response fleet = http.get("/api/health/fleet");
        assertThat(fleet.status()).isEqualTo(200);
        assertThat(fleet.json().at("/jetstream/all_ok").asBoolean()).isTrue();
    }
}
