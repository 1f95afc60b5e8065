package kanade.cli.jetstream;

import io.nats.client.Connection;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import kanade.cli.nats.Broker;
import kanade.runtime.jetstream.JetStreamLayout;
import kanade.runtime.jetstream.JetStreamStatus;
import picocli.CommandLine;

/** {@code kanade jetstream status}: a table of every stream, bucket and store; exit 1 when any is missing. */
@CommandLine.Command(name = "status", description = "Show each stream, KV bucket and object store: present or missing, messages, bytes, limits (exit 1 if any is missing).")
public final class JetStreamStatusCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Connection connection = Broker.connect(spec)) {
            List<JetStreamStatus.Row> rows = JetStreamStatus.read(connection, JetStreamLayout.defaults());
            out.printf("%-7s %-16s %-8s %10s %12s %12s %8s %s%n", "KIND", "NAME", "STATE", "MESSAGES", "BYTES", "MAX_BYTES",
                    "MAX_AGE", "PER_SUBJECT");
            for (JetStreamStatus.Row r : rows) {
                out.printf("%-7s %-16s %-8s %10d %12s %12s %8s %s%n", r.kind(), r.name(), r.present() ? "present" : "MISSING",
                        r.messages(), bytes(r.bytes()), r.maxBytes() > 0 ? bytes(r.maxBytes()) : "-", r.maxAge(),
                        r.maxMsgsPerSubject() > 0 ? String.valueOf(r.maxMsgsPerSubject()) : "-");
            }
            long missing = rows.stream().filter(r -> !r.present()).count();
            if (missing > 0) {
                spec.commandLine().getErr().println(missing + " resource(s) missing; run `kanade jetstream setup` "
                        + "(the backend also creates them at start)");
                return 1;
            }
            return 0;
        }
    }

    private static String bytes(long n) {
        if (n >= 1L << 30) {
            return String.format("%.1fGiB", n / (double) (1L << 30));
        }
        if (n >= 1L << 20) {
            return String.format("%.1fMiB", n / (double) (1L << 20));
        }
        return n >= 1024 ? String.format("%.1fKiB", n / 1024.0) : n + "B";
    }
}
