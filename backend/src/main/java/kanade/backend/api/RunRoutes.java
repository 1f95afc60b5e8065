package kanade.backend.api;

import java.util.List;
import java.util.concurrent.TimeoutException;
import kanade.backend.run.KillReceipt;
import kanade.backend.run.RunService;
import kanade.protocol.wire.ExecResult;
import kanade.runtime.run.AuditedRun;
import kanade.runtime.run.RemoteRun;

/**
 * POST /api/run (the same as {@code kanade run}: audited first, 408 when no agent answers or no result comes in time)
 * and POST /api/jobs/{job_id}/kill (the emergency stop, the same as {@code kanade kill}).
 */
final class RunRoutes {
    private RunRoutes() {
    }

    static List<Route> routes(RunService runs) {
        return List.of(
                Route.post("/api/run").api(Role.OPERATOR, "Run a script on one agent and return its ExecResult. The"
                                + " audit event is written first: when it cannot be, nothing is sent (503"
                                + " audit_unavailable). run_as accepts only system (or nothing) for now")
                        .body(RunRequest.class)
                        .replies(Reply.json(ExecResult.class, "The agent's result (exit_code -1 when killed at its"
                                + " timeout)"))
                        .errors(ErrorCode.INVALID_BODY, ErrorCode.INVALID_PARAMETER, ErrorCode.AGENT_UNREACHABLE,
                                ErrorCode.TIMEOUT, ErrorCode.AUDIT_UNAVAILABLE, ErrorCode.BROKER_UNAVAILABLE)
                        .handle(ctx -> {
                            RunRequest req = RequestBodies.parse(ctx, RunRequest.class);
                            AuditedRun.Request spec = spec(req);
                            AuditedRun.Sent run;
                            try {
                                run = runs.run(Actors.of(ctx), spec);
                            } catch (TimeoutException e) {
                                throw new ApiException(ErrorCode.BROKER_UNAVAILABLE,
                                        "the broker did not confirm the command; nothing may have been sent, try again");
                            }
                            String jobId = run.command().jobId();
                            switch (run.outcome()) {
                                case RemoteRun.Outcome.Finished finished -> ctx.json(finished.result());
                                case RemoteRun.Outcome.NoAgent none -> throw new ApiException(
                                        ErrorCode.AGENT_UNREACHABLE, "no agent answered as " + spec.pcId()
                                        + " within " + none.waited().toMillis() + " ms");
                                case RemoteRun.Outcome.TimedOut timedOut -> throw new ApiException(ErrorCode.TIMEOUT,
                                        "no result from " + spec.pcId() + " within " + timedOut.waited().toSeconds()
                                                + " s (job_id " + jobId + "; it may still be running: stop it with"
                                                + " POST /api/jobs/" + jobId + "/kill or `kanade kill " + jobId + "`)");
                            }
                        }),
                Route.post("/api/jobs/{job_id}/kill").api(Role.OPERATOR, "Emergency stop: publishes kill.<job_id>;"
                                + " every agent running that job ends its process tree. Always sent; its audit event"
                                + " is spooled and retried when it cannot be written now (audit: spooled)")
                        .replies(Reply.json(202, KillReceipt.class, "The kill went out"))
                        .errors(ErrorCode.INVALID_PARAMETER, ErrorCode.BROKER_UNAVAILABLE)
                        .handle(ctx -> {
                            String jobId = Tokens.require(ctx.pathParam("job_id"), "job_id");
                            try {
                                ctx.status(202).json(runs.kill(Actors.of(ctx), jobId));
                            } catch (TimeoutException e) {
                                throw new ApiException(ErrorCode.BROKER_UNAVAILABLE,
                                        "the broker did not confirm kill." + jobId + " within 2 s; try again");
                            }
                        }));
    }

    private static AuditedRun.Request spec(RunRequest req) {
        String pcId = Tokens.require(req.pcId(), "pc_id");
        String jobId = req.jobId() == null ? null : Tokens.require(req.jobId(), "job_id");
        if (req.runAs() != null && !req.runAs().equals("system")) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER,
                    "run_as=" + req.runAs() + " is not implemented yet; omit it or use system");
        }
        return new AuditedRun.Request(pcId, req.shell(), req.script(), req.timeoutSecs(), jobId, req.jitterSecs(), req.runAs());
    }
}
