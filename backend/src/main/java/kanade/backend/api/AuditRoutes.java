package kanade.backend.api;

import java.time.Clock;
import java.util.List;
import kanade.backend.audit.AuditEntry;
import kanade.backend.audit.AuditService;
import kanade.backend.store.AuditStore;
import kanade.backend.store.Page;

/** GET /api/audit. */
final class AuditRoutes {
    private AuditRoutes() {
    }

    static List<Route> routes(AuditService audit, Clock clock) {
        return List.of(Route.get("/api/audit").api(Role.VIEWER,
                        "Audit events, newest first; the X-Total-Count header has the total")
                .query("actor", "action", "since", "limit", "offset")
                .replies(Reply.jsonList(AuditEntry.class, "A page of audit events"))
                .errors(ErrorCode.INVALID_PARAMETER)
                .handle(ctx -> {
                    Page<AuditEntry> page = audit.query(new AuditStore.AuditQuery(QueryParams.text(ctx, "actor"),
                            QueryParams.text(ctx, "action"), QueryParams.since(ctx, clock), QueryParams.limit(ctx),
                            QueryParams.offset(ctx)));
                    PageReplies.send(ctx, page);
                }));
    }
}
