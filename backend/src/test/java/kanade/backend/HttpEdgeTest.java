package kanade.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import kanade.testkit.NatsServerFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the HTTP server answers before (or beside) the routes: bad URIs, over-long request lines and headers, bad
 * Host headers, unknown paths and methods. Every one is the JSON error envelope with a stable code, never an HTML
 * page or a Java or library name. Requests are written as raw bytes: normal clients clean such URLs up.
 */
class HttpEdgeTest {
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

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @CsvSource({
            "GET, /api/agents/%zz, 400, bad_request",
            "GET, /api/%zz, 400, bad_request",
            "GET, /api/agents/%00, 400, bad_request",
            "GET, /api/results/%00, 400, bad_request",
            "GET, /api/agents/a%2Fb, 400, bad_request",
            "GET, /api/agents/%2e%2e/x, 400, bad_request",
            "GET, /api/agents/a%5Cb, 400, bad_request",
            "GET, /api/../../etc/passwd, 400, bad_request",
            "GET, /api/agents/%C3%28, 400, bad_request",
            "GET, /api/agents?limit=%zz, 400, bad_request",
            "GET, /api/agents?q=50%, 400, bad_request",
            "GET, /api/nope, 404, not_found",
            "DELETE, /api/agents, 405, method_not_allowed",
            "PUT, /api/run, 405, method_not_allowed",
            "BREW, /api/agents, 405, method_not_allowed"})
    void badRequestLinesAreTheJsonEnvelope(String method, String target, int status, String code) throws Exception {
        assertEnvelope(raw.send(method, target, "", null), status, code);
    }

    @Test
    void anOverLongUriIs414UriTooLong() throws Exception {
        assertEnvelope(raw.send("GET", "/api/agents?q=" + "a".repeat(64 * 1024), "", null), 414, "uri_too_long");
    }

    @Test
    void overLongHeadersAre431HeadersTooLarge() throws Exception {
        assertEnvelope(raw.send("GET", "/api/agents", "X-Big: " + "b".repeat(64 * 1024) + "\r\n", null), 431,
                "headers_too_large");
    }

    @Test
    void aBadHostHeaderIs400BadRequest() throws Exception {
        byte[] request = "GET /api/agents HTTP/1.1\r\nHost: a b:c:d\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        assertEnvelope(raw.exchange(request), 400, "bad_request");
    }

    @Test
    void twoHostHeadersAre400BadRequest() throws Exception {
        byte[] request = "GET /api/agents HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        assertEnvelope(raw.exchange(request), 400, "bad_request");
    }

    @Test
    void aBadChunkedBodyIs400() throws Exception {
        byte[] request = ("POST /api/run HTTP/1.1\r\nHost: a\r\nConnection: close\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        assertEnvelope(raw.exchange(request), 400, "bad_request");
    }

    @Test
    void anAcceptHeaderThatRefusesJsonStillGetsTheEnvelope() throws Exception {
        assertEnvelope(raw.send("GET", "/api/%zz", "Accept: text/html\r\n", null), 400, "bad_request");
    }

    static void assertEnvelope(RawHttp.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/json");
        JsonNode json = answer.json();
        assertThat(json).as(answer.toString()).isNotNull();
        assertThat(json.at("/error/code").asText()).as(answer.toString()).isEqualTo(code);
        assertThat(json.at("/error/message").asText()).as(answer.toString()).isNotBlank();
        assertThat(LEAK.matcher(answer.body()).find()).as(answer.toString()).isFalse();
    }
}
