package kanade.cli.run;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.nats.client.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import kanade.cli.nats.Broker;
import kanade.runtime.audit.AuditPublisher;
import kanade.protocol.subject.Subjects;
import picocli.CommandLine;

/** {@code kanade kill <job_id>}: publishes {@code kill.<job_id>}; every agent running that job ends its process tree. */
@CommandLine.Command(name = "kill", description = "Stop a running job everywhere (publishes kill.<job_id>).")
public final class KillCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @CommandLine.Parameters(index = "0", paramLabel = "JOB_ID")
    String jobId;

    @Override
    public Integer call() throws Exception {
        String subject = Subjects.kill(jobId);
        try (Connection connection = Broker.connect(spec)) {
            connection.publish(subject, new byte[0]);
            connection.flush(Duration.ofSeconds(2));
            spec.commandLine().getOut().println("kill sent on " + subject);
            try {
                new AuditPublisher(connection, Clock.systemUTC()).publish(Actor.current(), "kill", jobId,
                        JsonNodeFactory.instance.objectNode().put("job_id", jobId));
            } catch (Exception e) {
                spec.commandLine().getErr().println("warning: audit event not recorded (" + e.getMessage() + ")");
            }
            return 0;
        }
    }
}
