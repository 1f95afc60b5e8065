package kanade.cli.run;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.nats.client.Connection;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import kanade.cli.CliEnvironment;
import kanade.cli.OutputOption;
import kanade.cli.audit.CliAudit;
import kanade.cli.backend.BackendAccess;
import kanade.cli.nats.Broker;
import kanade.protocol.subject.Subjects;
import picocli.CommandLine;

/**
 * {@code kanade kill <job_id>}: publishes {@code kill.<job_id>}; every agent running that job ends its process tree.
 * An emergency stop: it goes out even when the audit event cannot be written, which is then spooled (by the backend
 * when the kill goes through it, else under the user's state dir and written by the next kanade command).
 */
@CommandLine.Command(name = "kill", mixinStandardHelpOptions = true,
        description = {"Stop a running job everywhere (publishes kill.<job_id>).",
                "Through the backend (POST /api/jobs/<job_id>/kill) when logged in, KANADE_AUTH_TOKEN is set or a "
                        + "backend URL is given; otherwise straight to the broker.",
                "Always sent, even when the audit event cannot be written yet: it is then spooled and written by the "
                        + "next kanade command (a warning says so)."})
public final class KillCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin
    OutputOption output;
    @CommandLine.Parameters(index = "0", paramLabel = "JOB_ID", description = "the job id `kanade run` printed")
    String jobId;

    @Override
    public Integer call() throws Exception {
        BackendAccess backend = BackendAccess.of(spec);
        if (backend.configured()) {
            return viaBackend(backend);
        }
        String subject = Subjects.kill(jobId);
        CliEnvironment env = CliEnvironment.of(spec);
        PrintWriter err = spec.commandLine().getErr();
        try (Connection connection = Broker.connect(spec)) {
            connection.publish(subject, new byte[0]);
            connection.flush(Duration.ofSeconds(2));
            boolean written = CliAudit.policy(spec, connection).emergency(env.actor(), "kill", jobId,
                    JsonNodeFactory.instance.objectNode().put("job_id", jobId));
            if (!written) {
                err.println("warning: kill sent, but its audit event could not be written yet; it is spooled in "
                        + CliAudit.spool(spec).dir() + " and written by the next kanade command once the AUDIT "
                        + "stream is back (`kanade jetstream setup`)");
                err.flush();
            }
            return print(subject, written ? "written" : "spooled");
        }
    }

    private int viaBackend(BackendAccess backend) {
        ViaBackend.KillReceipt receipt;
        try (ViaBackend api = new ViaBackend(backend)) {
            receipt = api.kill(jobId);
        }
        if ("spooled".equals(receipt.audit())) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("warning: kill sent, but its audit event could not be written yet; the backend spooled it and "
                    + "writes it once the AUDIT stream is back");
            err.flush();
        }
        return print(receipt.subject(), receipt.audit());
    }

    private int print(String subject, String audit) {
        if (output.json()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("job_id", jobId);
            body.put("subject", subject);
            body.put("audit", audit);
            OutputOption.printJson(spec.commandLine().getOut(), body);
        } else {
            spec.commandLine().getOut().println("kill sent on " + subject);
        }
        return 0;
    }
}
