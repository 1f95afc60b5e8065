package kanade.backend.api;

import io.nats.client.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import kanade.backend.store.AgentStore;
import kanade.backend.store.Page;
import kanade.runtime.run.AgentPing;
import kanade.protocol.subject.SubjectToken;

/** GET /api/agents, /api/agents/{pc_id}; POST /api/agents/{pc_id}/ping. */
final class AgentRoutes {
    private AgentRoutes() {
    }

    static List<Route> routes(AgentStore agents, Connection connection, ApiAudit audit) {
        return List.of(
                Route.get("/api/agents", "Agents (q matches pc_id or hostname); X-Total-Count has the total",
                        List.of("q", "limit", "offset"), ctx -> {
                            Page<?> page = agents.list(QueryParams.text(ctx, "q"), QueryParams.limit(ctx),
                                    QueryParams.offset(ctx));
                            ctx.header("X-Total-Count", String.valueOf(page.total())).json(page.items());
                        }),
                Route.get("/api/agents/{pc_id}", "One agent; 404 agent_not_found", List.of(), ctx -> {
                    String pcId = ctx.pathParam("pc_id");
                    ctx.json(agents.find(pcId).orElseThrow(() -> new ApiException(ErrorCode.AGENT_NOT_FOUND,
                            "no agent with pc_id '" + pcId + "' has sent a heartbeat")));
                }),
                Route.post("/api/agents/{pc_id}/ping", "Ask the agent for a fresh heartbeat; 408 when none answers",
                        List.of("wait_secs"), ctx -> {
                            String pcId = pcId(ctx.pathParam("pc_id"));
                            int wait = QueryParams.integer(ctx, "wait_secs", 5);
                            if (wait < 1 || wait > 60) {
                                throw QueryParams.invalid("wait_secs", "must be between 1 and 60");
                            }
                            audit.record(ctx, "ping", pcId, Map.of("wait_secs", wait));
                            var heartbeat = AgentPing.ping(connection, pcId, Duration.ofSeconds(wait))
                                    .orElseThrow(() -> new ApiException(ErrorCode.AGENT_UNREACHABLE,
                                            "no agent answered as " + pcId + " within " + wait + " s"));
                            ctx.json(Map.of("heartbeat", heartbeat));
                        }));
    }

    static String pcId(String value) {
        try {
            return SubjectToken.require(value, "pc_id");
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, e.getMessage());
        }
    }
}
