package kanade.cli.jetstream;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.nats.client.Connection;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import kanade.cli.nats.NatsOptionsMixin;
import kanade.cli.run.Actor;
import kanade.protocol.audit.AuditPublisher;
import kanade.protocol.jetstream.JetStreamBootstrap;
import kanade.protocol.jetstream.JetStreamLayout;
import picocli.CommandLine;

/** {@code kanade jetstream setup}: creates what is missing, updates limits in place, reports other differences. */
@CommandLine.Command(name = "setup", description = "Create missing streams, KV buckets and the object store (the backend also does this at start).")
public final class JetStreamSetupCommand implements Callable<Integer> {
    @CommandLine.Mixin
    NatsOptionsMixin nats;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Connection connection = nats.connect()) {
            var changes = new JetStreamBootstrap(connection, JetStreamLayout.defaults()).apply();
            out.printf("%-7s %-16s %-8s %s%n", "KIND", "NAME", "ACTION", "DETAIL");
            changes.forEach(c -> out.printf("%-7s %-16s %-8s %s%n", c.kind(), c.name(), c.action(), c.detail()));
            try {
                new AuditPublisher(connection, Clock.systemUTC()).publish(Actor.current(), "jetstream_setup", null,
                        JsonNodeFactory.instance.objectNode().put("server", nats.server()));
            } catch (Exception e) {
                spec.commandLine().getErr().println("warning: audit event not recorded (" + e.getMessage() + ")");
            }
            return 0;
        }
    }
}
