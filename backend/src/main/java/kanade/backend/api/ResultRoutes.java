package kanade.backend.api;

import java.time.Clock;
import java.util.List;
import kanade.backend.results.ResultService;
import kanade.backend.results.ResultView;
import kanade.backend.store.Page;
import kanade.backend.store.ResultQuery;

/** GET /api/results, /api/results/{result_id}. */
final class ResultRoutes {
    private ResultRoutes() {
    }

    static List<Route> routes(ResultService results, Clock clock) {
        return List.of(
                Route.get("/api/results").api(Role.VIEWER,
                                "Results, newest first (status ok|failed|skipped; since RFC 3339 or 24h); "
                                        + "the X-Total-Count header has the total")
                        .query("pc_id", "request_id", "status", "since", "limit", "offset")
                        .replies(Reply.jsonList(ResultView.class, "A page of results"))
                        .errors(ErrorCode.INVALID_PARAMETER)
                        .handle(ctx -> {
                            ResultQuery query = new ResultQuery(QueryParams.text(ctx, "pc_id"),
                                    QueryParams.text(ctx, "request_id"),
                                    QueryParams.oneOf(ctx, "status", ResultQuery.ResultStatus.class),
                                    QueryParams.since(ctx, clock), QueryParams.limit(ctx), QueryParams.offset(ctx));
                            Page<ResultView> page = results.query(query);
                            PageReplies.send(ctx, page);
                        }),
                Route.get("/api/results/{result_id}").api(Role.VIEWER, "One result")
                        .replies(Reply.json(ResultView.class, "The result"))
                        .errors(ErrorCode.INVALID_PARAMETER, ErrorCode.RESULT_NOT_FOUND)
                        .handle(ctx -> {
                            String id = QueryParams.bounded(ctx.pathParam("result_id"), "result_id");
                            ctx.json(results.find(id).orElseThrow(() -> new ApiException(ErrorCode.RESULT_NOT_FOUND,
                                    "no result with result_id '" + id + "'")));
                        }));
    }
}
