package kanade.backend.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import kanade.backend.store.Page;
import kanade.backend.store.ResultQuery;
import kanade.backend.store.ResultStore;
import kanade.backend.store.StoredResult;
import kanade.protocol.wire.Json;

/** GET /api/results, /api/results/{result_id}. */
final class ResultRoutes {
    private ResultRoutes() {
    }

    static List<Route> routes(ResultStore results, Clock clock) {
        return List.of(
                Route.get("/api/results", "Results, newest first (status ok|failed|skipped; since RFC3339 or 24h)",
                        List.of("pc_id", "request_id", "status", "since", "limit", "offset"), ctx -> {
                            ResultQuery query = new ResultQuery(QueryParams.text(ctx, "pc_id"),
                                    QueryParams.text(ctx, "request_id"),
                                    QueryParams.oneOf(ctx, "status", ResultQuery.ResultStatus.class),
                                    QueryParams.since(ctx, clock), QueryParams.limit(ctx), QueryParams.offset(ctx));
                            Page<StoredResult> page = results.query(query);
                            ctx.header("X-Total-Count", String.valueOf(page.total()))
                                    .json(page.items().stream().map(ResultRoutes::view).toList());
                        }),
                Route.get("/api/results/{result_id}", "One result; 404 result_not_found", List.of(), ctx -> {
                    String id = ctx.pathParam("result_id");
                    ctx.json(view(results.find(id).orElseThrow(() -> new ApiException(ErrorCode.RESULT_NOT_FOUND,
                            "no result with result_id '" + id + "'"))));
                }));
    }

    static ObjectNode view(StoredResult stored) {
        ObjectNode node = Json.mapper().valueToTree(stored.result());
        node.put("recorded_at", stored.recordedAt().toString());
        return node;
    }
}
