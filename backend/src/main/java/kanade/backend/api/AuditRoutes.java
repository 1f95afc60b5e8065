package kanade.backend.api;

import java.time.Clock;
import java.util.List;
import kanade.backend.store.AuditStore;
import kanade.backend.store.Page;
import kanade.backend.store.StoredAudit;

/** GET /api/audit. */
final class AuditRoutes {
    private AuditRoutes() {
    }

    static List<Route> routes(AuditStore audit, Clock clock) {
        return List.of(Route.get("/api/audit", "Audit events, newest first", List.of("actor", "action", "since", "limit", "offset"),
                ctx -> {
                    Page<StoredAudit> page = audit.query(new AuditStore.AuditQuery(QueryParams.text(ctx, "actor"),
                            QueryParams.text(ctx, "action"), QueryParams.since(ctx, clock), QueryParams.limit(ctx),
                            QueryParams.offset(ctx)));
                    ctx.header("X-Total-Count", String.valueOf(page.total()))
                            .json(page.items().stream().map(a -> {
                                var node = kanade.protocol.wire.Json.mapper().valueToTree(a.event());
                                ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("id", a.streamSeq());
                                return node;
                            }).toList());
                }));
    }
}
