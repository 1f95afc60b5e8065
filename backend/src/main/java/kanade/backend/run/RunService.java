package kanade.backend.run;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.nats.client.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import kanade.protocol.subject.Subjects;
import kanade.runtime.audit.AuditPolicy;
import kanade.runtime.run.AuditedRun;

/**
 * Ad-hoc runs and the emergency stop. A run is audited first and not sent when the audit cannot be written; a kill
 * always goes out, and its audit event is spooled and retried when it cannot be written now.
 */
public final class RunService {
    /** How long the agent has to answer the ping that precedes a run. */
    public static final Duration PING_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(2);

    private final Connection connection;
    private final AuditPolicy audit;
    private final AuditedRun runs;

    public RunService(Connection connection, AuditPolicy audit, Clock clock) {
        this.connection = connection;
        this.audit = audit;
        this.runs = new AuditedRun(connection, audit, clock);
    }

    /**
     * Writes the run's audit event, then pings the agent, sends the command and waits for its result.
     *
     * @throws kanade.runtime.audit.AuditUnavailableException when the audit event could not be written (nothing sent)
     * @throws TimeoutException when the broker did not confirm the publish
     */
    public AuditedRun.Sent run(String actor, AuditedRun.Request request) throws InterruptedException, TimeoutException {
        return runs.run(actor, request, PING_TIMEOUT, sent -> {
        });
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
