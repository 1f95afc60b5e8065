package kanade.sim.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kanade.protocol.wire.Json;
import kanade.protocol.wire.Rfc3339;

/**
 * A backend the bench attached to with {@code --backend-url}: everything goes through its HTTP API; its pid (for CPU)
 * is the local process listening on the URL's port, when there is one.
 */
final class RemoteBackend implements BackendAccess {
    private static final int PAGE = 1000;
    private final String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final long pid;

    RemoteBackend(String url) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.pid = ListeningPid.of(this.url);
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public String token() {
        String token = System.getenv("KANADE_AUTH_TOKEN");
        return token == null || token.isBlank() ? null : token.strip();
    }

    @Override
    public long resultCount(String requestId) throws Exception {
        HttpResponse<String> response = get("/api/results?limit=1&request_id=" + requestId);
        return response.headers().firstValue("X-Total-Count").map(Long::parseLong).orElse(-1L);
    }

    @Override
    public long[] recordedAt(String requestId) throws Exception {
        return rows(requestId).stream().mapToLong(r -> Rfc3339.parse(r.get("recorded_at").asText()).toEpochMilli()).toArray();
    }

    @Override
    public long distinctPcs(String requestId) throws Exception {
        Set<String> pcs = new HashSet<>();
        rows(requestId).forEach(r -> pcs.add(r.get("pc_id").asText()));
        return pcs.size();
    }

    private List<JsonNode> rows(String requestId) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            JsonNode page = Json.mapper().readTree(get("/api/results?limit=" + PAGE + "&offset=" + offset
                    + "&request_id=" + requestId).body());
            page.forEach(rows::add);
            if (page.size() < PAGE) {
                return rows;
            }
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> response = http.send(request(path).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    @Override
    public void close() {
    }
}
