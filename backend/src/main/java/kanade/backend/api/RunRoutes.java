package kanade.backend.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.nats.client.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kanade.runtime.run.RemoteRun;
import kanade.protocol.wire.Command;
import kanade.protocol.wire.WireFormatException;

/** POST /api/run: the same as {@code kanade run}; 408 when no agent answers or no result comes in time. */
final class RunRoutes {
    private static final Duration PING_TIMEOUT = Duration.ofSeconds(2);
    private static final long MAX_TIMEOUT_SECS = 3600;

    private RunRoutes() {
    }

    /** The request body. */
    record RunRequest(String pcId, String shell, String script, Long timeoutSecs, @JsonAlias("exec_id") String jobId,
                      Long jitterSecs, String runAs) {
        RunRequest {
            if (pcId == null || pcId.isBlank()) {
                throw new WireFormatException("pc_id is required");
            }
            if (script == null || script.isBlank()) {
                throw new WireFormatException("script is required");
            }
            timeoutSecs = timeoutSecs == null ? Command.DEFAULT_TIMEOUT_SECS : timeoutSecs;
            if (timeoutSecs < 1 || timeoutSecs > MAX_TIMEOUT_SECS) {
                throw new WireFormatException("timeout_secs must be between 1 and " + MAX_TIMEOUT_SECS);
            }
            if (jitterSecs != null && jitterSecs < 0) {
                throw new WireFormatException("jitter_secs must be >= 0");
            }
        }
    }

    static List<Route> routes(Connection connection, ApiAudit audit) {
        return List.of(Route.post("/api/run", "Run a script on one agent and return its ExecResult", List.of(), ctx -> {
            RunRequest req = RequestBodies.parse(ctx, RunRequest.class);
            String pcId = AgentRoutes.pcId(req.pcId());
            String jobId = req.jobId() != null ? req.jobId() : UUID.randomUUID().toString();
            Command command = new Command(Command.ADHOC_ID, Command.ADHOC_VERSION, UUID.randomUUID().toString(), jobId,
                    req.shell(), req.script(), req.timeoutSecs(), req.jitterSecs(), req.runAs(), null, null);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("request_id", command.requestId());
            payload.put("job_id", jobId);
            payload.put("shell", req.shell());
            payload.put("timeout_secs", req.timeoutSecs());
            RemoteRun.Outcome outcome = new RemoteRun(connection).run(pcId, command, PING_TIMEOUT,
                    published -> audit.record(ctx, "run", pcId, payload));
            switch (outcome) {
                case RemoteRun.Outcome.Finished finished -> ctx.json(finished.result());
                case RemoteRun.Outcome.NoAgent none -> throw new ApiException(ErrorCode.AGENT_UNREACHABLE,
                        "no agent answered as " + pcId + " within " + none.waited().toMillis() + " ms");
                case RemoteRun.Outcome.TimedOut timedOut -> throw new ApiException(ErrorCode.TIMEOUT,
                        "no result from " + pcId + " within " + timedOut.waited().toSeconds() + " s (job_id " + jobId
                                + "; stop it with POST kill or `kanade kill " + jobId + "`)");
            }
        }));
    }
}
