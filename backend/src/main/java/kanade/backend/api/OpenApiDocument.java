package kanade.backend.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import kanade.protocol.KanadeVersion;
import kanade.protocol.wire.Json;

/**
 * Builds the OpenAPI 3.1 document from the route table: per operation an operationId, its least role
 * ({@code x-kanade-role} and the description), parameters, request body and answers by schema reference, and one
 * response per error status listing its codes ({@code x-kanade-error-codes}).
 */
final class OpenApiDocument {
    private static final Set<String> INTEGER_PARAMS = Set.of("limit", "offset", "wait_secs");

    private final SchemaCatalog schemas = new SchemaCatalog();

    private OpenApiDocument() {
    }

    /** The document for {@code routes}. */
    static ObjectNode of(List<Route> routes) {
        return new OpenApiDocument().build(routes);
    }

    private ObjectNode build(List<Route> routes) {
        ObjectNode doc = Json.mapper().createObjectNode();
        doc.put("openapi", "3.1.0");
        doc.putObject("info").put("title", "Kanade backend API").put("version", KanadeVersion.current())
                .put("description", "Errors are always {\"error\":{\"code\",\"message\"}} with a stable code. Each"
                        + " operation names its least role (public, viewer, operator, admin) in x-kanade-role.");
        ObjectNode paths = doc.putObject("paths");
        for (Route route : routes) {
            ObjectNode item = paths.has(route.path()) ? (ObjectNode) paths.get(route.path()) : paths.putObject(route.path());
            item.set(route.method().name().toLowerCase(Locale.ROOT), operation(route));
        }
        ObjectNode components = doc.putObject("components");
        components.set("schemas", schemas.definitions());
        components.putObject("securitySchemes").putObject("bearer").put("type", "http").put("scheme", "bearer")
                .put("description", "A session token from POST /api/auth/login, a named API token, or the static"
                        + " service token");
        return doc;
    }

    private ObjectNode operation(Route route) {
        ObjectNode op = Json.mapper().createObjectNode();
        op.put("operationId", operationId(route));
        op.put("summary", route.summary());
        op.put("description", route.summary() + ".\n\nLeast role: " + route.role().wireName() + ".");
        op.put("x-kanade-role", route.role().wireName());
        op.put("x-kanade-kind", route.kind().name().toLowerCase(Locale.ROOT));
        ArrayNode security = op.putArray("security");
        if (route.role() != Role.PUBLIC) {
            security.addObject().putArray("bearer");
        }
        List<String> pathParams = pathParams(route.path());
        if (!pathParams.isEmpty() || !route.queryParams().isEmpty()) {
            ArrayNode params = op.putArray("parameters");
            pathParams.forEach(p -> params.addObject().put("name", p).put("in", "path").put("required", true)
                    .putObject("schema").put("type", "string"));
            route.queryParams().forEach(p -> params.addObject().put("name", p).put("in", "query")
                    .putObject("schema").put("type", INTEGER_PARAMS.contains(p) ? "integer" : "string"));
        }
        if (route.requestBody() != null) {
            op.putObject("requestBody").put("required", true).putObject("content").putObject(Reply.JSON)
                    .set("schema", schemas.reference(route.requestBody()));
        }
        ObjectNode responses = op.putObject("responses");
        for (Reply reply : route.replies()) {
            ObjectNode response = responses.putObject(String.valueOf(reply.status()));
            response.put("description", reply.description());
            if (reply.contentType().isEmpty()) {
                continue;
            }
            ObjectNode content = response.putObject("content").putObject(reply.contentType());
            if (reply.body() == null) {
                content.putObject("schema").put("type", "string");
            } else if (reply.list()) {
                content.putObject("schema").put("type", "array").set("items", schemas.reference(reply.body()));
            } else {
                content.set("schema", schemas.reference(reply.body()));
            }
        }
        errorsByStatus(route).forEach((status, codes) -> {
            if (responses.has(String.valueOf(status))) {
                if (route.errors().stream().anyMatch(code -> code.status() == status)) {
                    throw new IllegalStateException(route.method() + " " + route.path() + " answers " + status
                            + " both as a reply and as an error");
                }
                // a reply owns this status (503 degraded health): the guard's errors share it, listed by code
                ObjectNode shared = (ObjectNode) responses.get(String.valueOf(status));
                shared.put("description", shared.path("description").asText() + "; or the error envelope: "
                        + String.join(", ", codes));
                ArrayNode listed = shared.putArray("x-kanade-error-codes");
                codes.forEach(listed::add);
                return;
            }
            ObjectNode response = responses.putObject(String.valueOf(status));
            response.put("description", "Error: " + String.join(", ", codes));
            ArrayNode listed = response.putArray("x-kanade-error-codes");
            codes.forEach(listed::add);
            response.putObject("content").putObject(Reply.JSON).set("schema", schemas.reference(ErrorBody.class));
        });
        return op;
    }

    /** The route's error codes plus those of the guard and 500 internal (any route can fail), grouped by status. */
    private static Map<Integer, List<String>> errorsByStatus(Route route) {
        Map<Integer, List<String>> byStatus = new TreeMap<>();
        for (ErrorCode code : ErrorCode.values()) {
            if (route.allErrors().contains(code)) {
                byStatus.computeIfAbsent(code.status(), s -> new ArrayList<>()).add(code.code());
            }
        }
        return byStatus;
    }

    /** {@code POST /api/agents/{pc_id}/ping} becomes {@code postAgentsByPcIdPing}; {@code GET /} is {@code getRoot}. */
    static String operationId(Route route) {
        StringBuilder id = new StringBuilder(route.method().name().toLowerCase(Locale.ROOT));
        for (String segment : route.path().split("/")) {
            if (segment.isEmpty() || segment.equals("api")) {
                continue;
            }
            boolean param = segment.startsWith("{");
            if (param) {
                id.append("By");
            }
            for (String word : segment.replaceAll("[{}]", "").split("[^A-Za-z0-9]+")) {
                if (!word.isEmpty()) {
                    id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
                }
            }
        }
        return id.length() == route.method().name().length() ? id.append("Root").toString() : id.toString();
    }

    private static List<String> pathParams(String path) {
        List<String> names = new ArrayList<>();
        int i = 0;
        while ((i = path.indexOf('{', i)) >= 0) {
            int end = path.indexOf('}', i);
            names.add(path.substring(i + 1, end));
            i = end;
        }
        return names;
    }
}
