package kanade.backend.run;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nats.client.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import kanade.protocol.subject.Subjects;
import kanade.protocol.wire.Command;
import kanade.protocol.wire.Ids;
import kanade.runtime.audit.AuditPolicy;
import kanade.runtime.run.RemoteRun;

/**
 * Ad-hoc runs and the emergency stop. A run is audited first and not sent when the audit cannot be written; a kill
 * always goes out, and its audit event is spooled and retried when it cannot be written now.
 */
public final class RunService {
    /** How long the agent has to answer the ping that precedes a run. */
    public static final Duration PING_TIMEOUT = Duration.ofSeconds(2);
    /**
     * Added to jitter + timeout for {@code deadline_at}: a command that has not started by then (agent offline, or
     * waiting for a job slot) is skipped by the agent with exit 125.
     */
    public static final Duration DEADLINE_SLACK = Duration.ofSeconds(5);
    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(2);

    private final Connection connection;
    private final AuditPolicy audit;
    private final Clock clock;

    public RunService(Connection connection, AuditPolicy audit, Clock clock) {
        this.connection = connection;
        this.audit = audit;
        this.clock = clock;
    }

    /** A sent command and how it ended. */
    public record Run(Command command, RemoteRun.Outcome outcome) {
    }

    /**
     * Writes the run's audit event, then pings the agent, sends the command and waits for its result.
     *
     * @throws kanade.runtime.audit.AuditUnavailableException when the audit event could not be written (nothing sent)
     * @throws TimeoutException when the broker did not confirm the publish
     */
    public Run run(String actor, RunSpec spec) throws InterruptedException, TimeoutException {
        String jobId = spec.jobId() != null ? spec.jobId() : Ids.randomUuid();
        long jitter = spec.jitterSecs() == null ? 0 : spec.jitterSecs();
        Instant deadline = clock.instant().plusSeconds(jitter + spec.timeoutSecs()).plus(DEADLINE_SLACK);
        Command command = new Command(Command.ADHOC_ID, Command.ADHOC_VERSION, Ids.randomUuid(), jobId, spec.shell(),
                spec.script(), spec.timeoutSecs(), spec.jitterSecs(), spec.runAs(), null, deadline);
        ObjectNode payload = JsonNodeFactory.instance.objectNode()
                .put("request_id", command.requestId())
                .put("job_id", jobId)
                .put("shell", spec.shell())
                .put("timeout_secs", spec.timeoutSecs());
        audit.beforeAction(actor, "run", spec.pcId(), payload);
        RemoteRun.Outcome outcome = new RemoteRun(connection).run(spec.pcId(), command, PING_TIMEOUT, sent -> {
        });
        return new Run(command, outcome);
    }

    /**
     * Publishes {@code kill.<job_id>} and then records the kill; the kill goes out even when the audit cannot be
     * written (the event is spooled and retried).
     *
     * @throws TimeoutException when the broker did not confirm the kill
     */
    public KillReceipt kill(String actor, String jobId) throws InterruptedException, TimeoutException {
        String subject = Subjects.kill(jobId);
        connection.publish(subject, new byte[0]);
        connection.flush(FLUSH_TIMEOUT);
        boolean written = audit.emergency(actor, "kill", jobId,
                JsonNodeFactory.instance.objectNode().put("job_id", jobId));
        return new KillReceipt(jobId, subject, written ? KillReceipt.WRITTEN : KillReceipt.SPOOLED);
    }
}
