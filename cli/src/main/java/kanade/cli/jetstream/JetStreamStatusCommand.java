package kanade.cli.jetstream;

import io.nats.client.Connection;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import kanade.cli.ExitCodes;
import kanade.cli.OutputOption;
import kanade.cli.nats.Broker;
import kanade.runtime.jetstream.JetStreamLayout;
import kanade.runtime.jetstream.JetStreamStatus;
import picocli.CommandLine;

/** {@code kanade jetstream status}: a table of every stream, bucket and store; a status command (exit 1 if any is missing). */
@CommandLine.Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show each stream, KV bucket and object store: present or missing, messages, bytes, limits.",
                "A status command: exits 0 when every resource is present, 1 when any is missing."})
public final class JetStreamStatusCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin
    OutputOption output;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Connection connection = Broker.connect(spec)) {
            List<JetStreamStatus.Row> rows = JetStreamStatus.read(connection, JetStreamLayout.defaults());
            long missing = rows.stream().filter(r -> !r.present()).count();
            if (output.json()) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("ok", missing == 0);
                body.put("missing", missing);
                body.put("resources", rows);
                OutputOption.printJson(out, body);
            } else {
                printTable(out, rows);
            }
            if (missing > 0) {
                spec.commandLine().getErr().println(missing + " resource(s) missing; run `kanade jetstream setup` "
                        + "(the backend also creates them at start)");
                return ExitCodes.NOT_ALL_OK;
            }
            return ExitCodes.OK;
        }
    }

    private static void printTable(PrintWriter out, List<JetStreamStatus.Row> rows) {
        out.printf("%-7s %-16s %-8s %10s %12s %12s %8s %s%n", "KIND", "NAME", "STATE", "MESSAGES", "BYTES", "MAX_BYTES",
                "MAX_AGE", "PER_SUBJECT");
        for (JetStreamStatus.Row r : rows) {
            out.printf("%-7s %-16s %-8s %10d %12s %12s %8s %s%n", r.kind(), r.name(), r.present() ? "present" : "MISSING",
                    r.messages(), bytes(r.bytes()), r.maxBytes() > 0 ? bytes(r.maxBytes()) : "-", r.maxAge(),
                    r.maxMsgsPerSubject() > 0 ? String.valueOf(r.maxMsgsPerSubject()) : "-");
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
