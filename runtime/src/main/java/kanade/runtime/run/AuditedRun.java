package kanade.runtime.run;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nats.client.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import kanade.protocol.wire.Command;
import kanade.protocol.wire.Ids;
import kanade.runtime.audit.AuditPolicy;

/**
 * An ad-hoc run exactly as {@code kanade run} and {@code POST /api/run} make it, so the two cannot drift: the Command
 * gets a request id, a job id (a fresh one unless given) and {@code deadline_at}; the audit event is written first
 * (nothing is sent when it cannot be); then {@link RemoteRun} pings, sends and waits.
 */
public final class AuditedRun {
    /** Added to jitter + timeout for {@code deadline_at}: a command not started by then is skipped (exit 125). */
    public static final Duration DEADLINE_SLACK = RemoteRun.RESULT_SLACK;

    /** What to run where; {@code jobId}, {@code jitterSecs} and {@code runAs} may be null. */
    public record Request(String pcId, String shell, String script, long timeoutSecs, String jobId, Long jitterSecs,
                          String runAs) {
    }

    /** The command that was sent and how it ended. */
    public record Sent(Command command, RemoteRun.Outcome outcome) {
    }

    private final Connection connection;
    private final AuditPolicy audit;
    private final Clock clock;

    public AuditedRun(Connection connection, AuditPolicy audit, Clock clock) {
        this.connection = connection;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Audits, then runs {@code request} as {@code actor}; {@code published} is told once the command is out.
     *
     * @throws kanade.runtime.audit.AuditUnavailableException when the audit event could not be written (nothing sent)
     * @throws TimeoutException when the broker did not confirm the publish
     */
    public Sent run(String actor, Request request, Duration pingTimeout, RemoteRun.Published published)
            throws InterruptedException, TimeoutException {
        Command command = command(request);
        audit.beforeAction(actor, "run", request.pcId(), payload(command));
        return new Sent(command, new RemoteRun(connection).run(request.pcId(), command, pingTimeout, published));
    }

    private Command command(Request request) {
        String jobId = request.jobId() != null ? request.jobId() : Ids.randomUuid();
        long jitter = request.jitterSecs() == null ? 0 : request.jitterSecs();
        Instant deadline = clock.instant().plusSeconds(jitter + request.timeoutSecs()).plus(DEADLINE_SLACK);
        return new Command(Command.ADHOC_ID, Command.ADHOC_VERSION, Ids.randomUuid(), jobId, request.shell(),
                request.script(), request.timeoutSecs(), request.jitterSecs(), request.runAs(), null, deadline);
    }

    private static ObjectNode payload(Command command) {
        return JsonNodeFactory.instance.objectNode().put("request_id", command.requestId())
                .put("job_id", command.jobId()).put("shell", command.shell())
                .put("timeout_secs", command.timeoutSecs());
    }
}
