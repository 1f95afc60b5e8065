package kanade.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import kanade.testkit.NatsServerFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input across every route of /api/openapi.json, generated from the document the running backend serves (see
 * {@link BadRequests}): no answer is a 5xx, every error is the JSON envelope, and no body names a Java class or a
 * library. Also the path parameters that name a subject token (pc_id, job_id) and over-long values, one by one.
 */
class BadInputFuzzTest {
    static final Pattern LEAK = RawHttp.LEAK;

    @RegisterExtension
    @Order(1)
    static final NatsServerFixture nats = NatsServerFixture.withJetStream();
    @RegisterExtension
    @Order(2)
    static final RunningBackend running = RunningBackend.on(nats);
    static BackendServer backend;
    static RawHttp raw;

    @BeforeAll
    static void bind() {
        backend = running.server();
        raw = running.raw();
    }

    @Test
    void generatedBadRequestsGetNo5xxAndOnlyJsonErrorsWithoutInternalNames() throws Exception {
        RawHttp.Answer openApi = raw.send("GET", "/api/openapi.json", "", null);
        assertThat(openApi.status()).isEqualTo(200);
        List<BadRequests.Probe> probes = BadRequests.from(openApi.json());
        assertThat(probes).hasSizeGreaterThanOrEqualTo(500);

        Map<Integer, Integer> byStatus = Collections.synchronizedMap(new TreeMap<>());
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> sent = new ArrayList<>();
            for (BadRequests.Probe probe : probes) {
                sent.add(pool.submit(() -> check(probe, byStatus, problems)));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        }
        System.out.println("bad-input fuzz: " + probes.size() + " requests; by status " + byStatus + "; "
                + problems.size() + " problems");
        assertThat(problems).as("answers that are 5xx, not JSON errors, or name internals").isEmpty();
    }

    private static void check(BadRequests.Probe probe, Map<Integer, Integer> byStatus, List<String> problems) {
        RawHttp.Answer answer;
        try {
            answer = raw.exchange(probe.bytes());
        } catch (Exception e) {
            problems.add(probe.label() + ": no answer (" + e.getMessage() + ")");
            return;
        }
        byStatus.merge(answer.status(), 1, Integer::sum);
        String problem = problem(probe, answer);
        if (problem != null) {
            problems.add(probe.label() + ": " + problem + ": " + answer);
        }
    }

    private static String problem(BadRequests.Probe probe, RawHttp.Answer answer) {
        if (answer.status() >= 500) {
            return "5xx";
        }
        if (LEAK.matcher(answer.body()).find()) {
            return "names internals";
        }
        if (answer.status() >= 400) {
            JsonNode json = answer.json();
            boolean envelope = json != null && json.at("/error/code").isTextual() && json.at("/error/message").isTextual();
            if (!answer.contentType().startsWith("application/json") || !envelope) {
                return "not the JSON error envelope";
            }
            return null;
        }
        boolean wantsJson = "application/json".equals(probe.okType());
        if (wantsJson && (!answer.contentType().startsWith("application/json") || answer.json() == null)) {
            return "a 2xx that is not the JSON it declares";
        }
        return null;
    }

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @CsvSource({
            "GET, /api/agents/a.b, , pc_id",
            "GET, /api/agents/a*b, , pc_id",
            "GET, /api/agents/LONG, , pc_id",
            "POST, /api/agents/a%3Eb/ping, , pc_id",
            "POST, /api/agents/LONG/ping, , pc_id",
            "POST, /api/jobs/a.b/kill, , job_id",
            "POST, /api/jobs/LONG/kill, , job_id",
            "GET, /api/results/LONG, , result_id",
            "GET, /api/agents?q=LONG, , q",
            "GET, /api/audit?actor=LONG, , actor",
            "GET, /api/results?pc_id=LONG, , pc_id",
            "GET, /api/results?status=ok%00, , status",
            "GET, /api/audit?actor=a%01b, , actor",
            "POST, /api/run, '{\"pc_id\":\"LONG\",\"script\":\"true\"}', pc_id",
            "POST, /api/run, '{\"pc_id\":\"pc\",\"script\":\"true\",\"job_id\":\"LONG\"}', job_id"})
    void badOrOverLongParametersAre400InvalidParameterNamingIt(String method, String target, String body, String name)
            throws Exception {
        String longValue = "x".repeat(4_000);
        byte[] bytes = body == null ? null : body.replace("LONG", longValue).getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer answer = raw.send(method, target.replace("LONG", longValue),
                bytes == null ? "" : "Content-Type: application/json\r\n", bytes);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.json().at("/error/code").asText()).as(answer.toString()).isEqualTo("invalid_parameter");
        assertThat(answer.json().at("/error/message").asText()).as(answer.toString()).startsWith(name)
                .hasSizeLessThan(400);
    }
}
