package kanade.backend.api;

import java.time.Duration;
import java.util.List;
import kanade.backend.agents.AgentService;
import kanade.backend.store.AgentRow;
import kanade.backend.store.Page;

/** GET /api/agents, /api/agents/{pc_id}; POST /api/agents/{pc_id}/ping. */
final class AgentRoutes {
    private AgentRoutes() {
    }

    static List<Route> routes(AgentService agents) {
        return List.of(
                Route.get("/api/agents").api(Role.VIEWER, "Agents from heartbeats (q is found literally in pc_id or"
                                + " hostname); the X-Total-Count header has the total")
                        .query("q", "limit", "offset")
                        .replies(Reply.jsonList(AgentRow.class, "A page of agents"))
                        .errors(ErrorCode.INVALID_PARAMETER)
                        .handle(ctx -> {
                            Page<AgentRow> page = agents.list(QueryParams.text(ctx, "q"), QueryParams.limit(ctx),
                                    QueryParams.offset(ctx));
                            PageReplies.send(ctx, page);
                        }),
                Route.get("/api/agents/{pc_id}").api(Role.VIEWER, "One agent")
                        .replies(Reply.json(AgentRow.class, "The agent"))
                        .errors(ErrorCode.INVALID_PARAMETER, ErrorCode.AGENT_NOT_FOUND)
                        .handle(ctx -> {
                            String pcId = Tokens.require(ctx.pathParam("pc_id"), "pc_id");
                            ctx.json(agents.find(pcId).orElseThrow(() -> new ApiException(ErrorCode.AGENT_NOT_FOUND,
                                    "no agent with pc_id '" + pcId + "' has sent a heartbeat")));
                        }),
                Route.post("/api/agents/{pc_id}/ping").api(Role.OPERATOR,
                                "Ask the agent for a fresh heartbeat (audited first); 408 when none answers in wait_secs")
                        .query("wait_secs")
                        .replies(Reply.json(AgentService.PingReply.class, "The agent's fresh heartbeat"))
                        .errors(ErrorCode.INVALID_PARAMETER, ErrorCode.AGENT_UNREACHABLE, ErrorCode.AUDIT_UNAVAILABLE)
                        .handle(ctx -> {
                            String pcId = Tokens.require(ctx.pathParam("pc_id"), "pc_id");
                            int wait = QueryParams.integer(ctx, "wait_secs", 5);
                            if (wait < 1 || wait > 60) {
                                throw QueryParams.invalid("wait_secs", "must be between 1 and 60");
                            }
                            ctx.json(agents.ping(Actors.of(ctx), pcId, Duration.ofSeconds(wait))
                                    .orElseThrow(() -> new ApiException(ErrorCode.AGENT_UNREACHABLE,
                                            "no agent answered as " + pcId + " within " + wait + " s")));
                        }));
    }
}
