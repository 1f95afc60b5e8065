package kanade.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import kanade.backend.api.ErrorCode;
import kanade.backend.api.Reply;
import kanade.backend.api.Route;
import kanade.backend.store.DbSettings;
import kanade.testkit.NatsServerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** /api/openapi.json as served: valid OpenAPI 3.1, and complete for every route of the table. */
class OpenApiTest {
    @RegisterExtension
    static final NatsServerFixture nats = NatsServerFixture.withJetStream();
    @TempDir
    static Path dir;
    static BackendServer backend;
    static JsonNode doc;
    static String raw;

    /** Least roles from kanade's contract (§5); a new route needs its line here. */
    static final Map<String, String> ROLES = Map.ofEntries(
            Map.entry("GET /", "public"),
            Map.entry("GET /health", "public"),
            Map.entry("GET /api/version", "public"),
            Map.entry("GET /api/openapi.json", "public"),
            Map.entry("GET /api/health/fleet", "viewer"),
            Map.entry("GET /api/stats/ingest", "viewer"),
            Map.entry("GET /api/agents", "viewer"),
            Map.entry("GET /api/agents/{pc_id}", "viewer"),
            Map.entry("POST /api/agents/{pc_id}/ping", "operator"),
            Map.entry("GET /api/results", "viewer"),
            Map.entry("GET /api/results/{result_id}", "viewer"),
            Map.entry("GET /api/audit", "viewer"),
            Map.entry("POST /api/run", "operator"),
            Map.entry("POST /api/jobs/{job_id}/kill", "operator"),
            Map.entry("POST /api/auth/login", "public"),
            Map.entry("GET /api/auth/me", "viewer"),
            Map.entry("POST /api/auth/change-password", "viewer"),
            Map.entry("GET /api/accounts", "admin"),
            Map.entry("POST /api/accounts", "admin"),
            Map.entry("GET /api/accounts/{username}", "admin"),
            Map.entry("PATCH /api/accounts/{username}", "admin"),
            Map.entry("DELETE /api/accounts/{username}", "admin"),
            Map.entry("GET /api/tokens", "admin"),
            Map.entry("POST /api/tokens", "admin"),
            Map.entry("DELETE /api/tokens/{name}", "admin"));

    @BeforeAll
    static void start() throws Exception {
        backend = BackendServer.start(TestBackends.settings(nats, DbSettings.sqlite(dir.resolve("b.db"))),
                Clock.systemUTC());
        Http.Response response = new Http(backend.httpPort()).get("/api/openapi.json");
        assertThat(response.status()).isEqualTo(200);
        raw = response.body();
        doc = response.json();
    }

    @AfterAll
    static void stop() throws Exception {
        backend.close();
    }

    @Test
    void documentIsValidOpenApi31WithoutMessages() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(raw, null, options);
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    }

    @Test
    void everyRouteShowsItsContractRole() {
        Map<String, String> shown = new TreeMap<>();
        for (Route route : backend.routes().routes()) {
            String key = key(route);
            JsonNode op = operation(route);
            assertThat(op.path("x-kanade-role").asText()).as(key).isEqualTo(route.role().wireName());
            assertThat(op.path("description").asText()).as(key).contains("Least role: " + route.role().wireName());
            shown.put(key, route.role().wireName());
        }
        assertThat(shown).isEqualTo(new TreeMap<>(ROLES));
    }

    @Test
    void theReadmeListsEveryRouteWithItsRole() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
        String table = kanade.backend.api.RouteRoles.markdown(backend.routes().routes());
        assertThat(readme).as("README.md's route table is out of date; replace it with:\n" + table).contains(table);
    }

    @Test
    void everyRouteHasAnOperationIdAndASchemaForEachReply() {
        Set<String> ids = new HashSet<>();
        for (Route route : backend.routes().routes()) {
            JsonNode op = operation(route);
            assertThat(ids.add(op.path("operationId").asText())).as("unique operationId of " + key(route)).isTrue();
            for (Reply reply : route.replies()) {
                if (reply.contentType().isEmpty()) {
                    assertThat(op.at("/responses/" + reply.status() + "/content").isMissingNode()).isTrue();
                    continue;
                }
                JsonNode schema = op.at("/responses/" + reply.status() + "/content").path(reply.contentType()).path("schema");
                assertThat(schema.isObject()).as(key(route) + " " + reply.status()).isTrue();
                if (reply.body() != null && !JsonNode.class.isAssignableFrom(reply.body())) {
                    JsonNode ref = reply.list() ? schema.path("items").path("$ref") : schema.path("$ref");
                    assertThat(resolve(ref.asText()).isObject()).as(key(route) + " " + ref).isTrue();
                }
            }
            if (route.requestBody() != null) {
                String ref = op.at("/requestBody/content/application~1json/schema/$ref").asText();
                assertThat(resolve(ref).isObject()).as(key(route) + " request body " + ref).isTrue();
            }
        }
    }

    @Test
    void everyRouteListsEachErrorCodeItCanAnswerWithTheErrorSchema() {
        for (Route route : backend.routes().routes()) {
            JsonNode responses = operation(route).path("responses");
            Set<ErrorCode> codes = new HashSet<>(route.errors());
            codes.add(ErrorCode.INTERNAL);
            for (ErrorCode code : codes) {
                JsonNode response = responses.path(String.valueOf(code.status()));
                assertThat(response.path("x-kanade-error-codes").toString()).as(key(route) + " " + code)
                        .contains("\"" + code.code() + "\"");
                assertThat(response.at("/content/application~1json/schema/$ref").asText()).as(key(route) + " " + code)
                        .isEqualTo("#/components/schemas/ErrorBody");
            }
        }
    }

    @Test
    void schemasUseTheWireNames() {
        JsonNode run = resolve(operation("post", "/api/run").at("/requestBody/content/application~1json/schema/$ref").asText());
        assertThat(names(run.path("properties")))
                .contains("pc_id", "shell", "script", "timeout_secs", "job_id", "jitter_secs", "run_as");
        JsonNode result = resolve(operation("post", "/api/run").at("/responses/200/content/application~1json/schema/$ref").asText());
        assertThat(names(result.path("properties"))).contains("result_id", "request_id", "exit_code", "started_at");
        assertThat(result.at("/properties/started_at/type").asText()).isEqualTo("string");
        JsonNode kill = resolve(operation("post", "/api/jobs/{job_id}/kill").at("/responses/202/content/application~1json/schema/$ref").asText());
        assertThat(names(kill.path("properties"))).containsExactlyInAnyOrder("job_id", "subject", "audit");
    }

    private static List<String> names(JsonNode properties) {
        List<String> names = new java.util.ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode resolve(String ref) {
        assertThat(ref).startsWith("#/components/schemas/");
        return doc.at("/components/schemas/" + ref.substring("#/components/schemas/".length()));
    }

    private static JsonNode operation(Route route) {
        return operation(route.method().name().toLowerCase(Locale.ROOT), route.path());
    }

    private static JsonNode operation(String method, String path) {
        JsonNode op = doc.path("paths").path(path).path(method);
        assertThat(op.isObject()).as(method + " " + path + " in the document").isTrue();
        return op;
    }

    private static String key(Route route) {
        return route.method().name() + " " + route.path();
    }
}
