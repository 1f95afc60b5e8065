package kanade.cli.jetstream;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import kanade.cli.CliEnvironment;
import kanade.cli.CliFailure;
import kanade.cli.ErrorCode;
import kanade.cli.OutputOption;
import kanade.cli.audit.CliAudit;
import kanade.cli.nats.Broker;
import kanade.runtime.jetstream.JetStreamBootstrap;
import kanade.runtime.jetstream.JetStreamLayout;
import picocli.CommandLine;

/**
 * {@code kanade jetstream setup}: creates what is missing, updates limits in place, reports other differences. It is
 * the repair for a missing AUDIT stream, so its own audit event is written after it (spooled if that fails).
 */
@CommandLine.Command(name = "setup", mixinStandardHelpOptions = true,
        description = "Create missing streams, KV buckets and the object store (the backend also does this at start).")
public final class JetStreamSetupCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin
    OutputOption output;

    @CommandLine.Option(names = "--scale", defaultValue = "1.0",
            description = "multiply every byte limit by this factor (default ${DEFAULT-VALUE}: about 3.8 GiB of streams, "
                    + "1 GiB of releases); the broker's max_file_store must hold the total")
    double scale;

    @Override
    public Integer call() throws Exception {
        if (scale <= 0 || scale > 100) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--scale must be in (0, 100]");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Connection connection = Broker.connect(spec)) {
            JetStreamLayout layout = JetStreamLayout.scaled(scale);
            List<JetStreamBootstrap.Change> changes;
            try {
                changes = new JetStreamBootstrap(connection, layout).apply();
            } catch (JetStreamApiException e) {
                throw new CliFailure(ErrorCode.REFUSED, JetStreamBootstrap.explain(e, layout), e);
            }
            if (output.json()) {
                OutputOption.printJson(out, Map.of("changes", changes));
            } else {
                out.printf("%-7s %-16s %-8s %s%n", "KIND", "NAME", "ACTION", "DETAIL");
                changes.forEach(c -> out.printf("%-7s %-16s %-8s %s%n", c.kind(), c.name(), c.action(), c.detail()));
            }
            boolean written = CliAudit.policy(spec, connection).emergency(CliEnvironment.of(spec).actor(),
                    "jetstream_setup", null, JsonNodeFactory.instance.objectNode().put("server", Broker.shown(spec)));
            if (!written) {
                spec.commandLine().getErr().println("warning: audit event spooled in " + CliAudit.spool(spec).dir()
                        + "; it is written by the next kanade command");
            }
            return 0;
        }
    }
}
