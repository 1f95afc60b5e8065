package kanade.sim.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import kanade.testkit.TempDirs;
import picocli.CommandLine;

/**
 * {@code kanade-sim bench cli}: wall time of {@code bin/kanade ping <pc>} and {@code bin/kanade run <pc> -- true} as
 * an operator sees it (launcher script + JVM start + the real round trip), each run as a child process against a
 * throwaway nats-server and one real agent; median, min and max of N runs per command, against a 0.3 s target.
 */
@CommandLine.Command(name = "cli", mixinStandardHelpOptions = true,
        description = "Wall time of `kanade ping` and `kanade run -- true` (child processes, real broker and agent).")
public final class CliBench implements Callable<Integer> {
    /** An operator command should be done within this many seconds. */
    public static final double TARGET_SECONDS = 0.3;

    /** How the bench treats the CLI's AOT cache. */
    enum Aot { auto, train, off }

    @CommandLine.Option(names = "--runs", defaultValue = "10", description = "measured runs per command (default ${DEFAULT-VALUE})")
    int runs;
    @CommandLine.Option(names = "--aot", defaultValue = "auto",
            description = "auto: use the build's cache when bin/kanade would; train: retrain it first; off: without it "
                    + "(KANADE_CLI_AOT=0) (default ${DEFAULT-VALUE})")
    Aot aot;
    @CommandLine.Option(names = "--json", defaultValue = "bench-results/cli.json", description = "where to write the JSON")
    Path json;

    /** Starts a fixture in {@code work} and trains the CLI's AOT cache against it (for {@code kanade-sim train-cli}). */
    public static boolean train(Path work) throws Exception {
        try (CliFixture fixture = CliFixture.start(work)) {
            return CliAotCache.train(fixture);
        }
    }

    @Override
    public Integer call() throws Exception {
        if (runs < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--runs must be >= 1");
        }
        Path work = Files.createTempDirectory("kanade-bench-cli-");
        BenchReport report = new BenchReport("cli").input("runs", runs).input("aot", aot);
        boolean ok = true;
        try (CliFixture fixture = CliFixture.start(work)) {
            if (aot == Aot.train && !CliAotCache.train(fixture)) {
                ok = false;
            }
            Map<String, String> env = aot == Aot.off ? Map.of("KANADE_CLI_AOT", "0") : Map.of();
            report.input("aot_cache", aot != Aot.off && CliAotCache.usable() ? CliAotCache.file() + " ("
                    + (Files.size(CliAotCache.file()) >> 20) + " MiB)" : "none");
            boolean met = true;
            for (List<String> args : List.of(CliFixture.ping(), CliFixture.runTrue())) {
                String label = "kanade " + String.join(" ", args).replace(CliFixture.PC, "<pc>");
                fixture.kanade(args, env); // warm-up: page cache, and a build when the jars are stale
                double[] seconds = new double[runs];
                for (int i = 0; i < runs; i++) {
                    CliFixture.Timed t = fixture.kanade(args, env);
                    if (t.exit() != 0) {
                        ok = false;
                        report.note(label + ": run " + (i + 1) + " exited " + t.exit() + "; see the log");
                    }
                    seconds[i] = t.seconds();
                }
                Arrays.sort(seconds);
                double median = runs % 2 == 1 ? seconds[runs / 2] : (seconds[runs / 2 - 1] + seconds[runs / 2]) / 2;
                met &= median < TARGET_SECONDS;
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("command", label);
                row.put("runs", runs);
                row.put("median_s", String.format("%.3f", median));
                row.put("min_s", String.format("%.3f", seconds[0]));
                row.put("max_s", String.format("%.3f", seconds[runs - 1]));
                row.put("target_s", "< " + TARGET_SECONDS);
                row.put("met", median < TARGET_SECONDS ? "met" : "MISSED");
                report.row(row);
                System.err.printf("%s: median %.3f s%n", label, median);
            }
            report.note(String.format("target: median wall < %.1f s per command (launcher + JVM + round trip): %s",
                    TARGET_SECONDS, met ? "met" : "MISSED"));
            report.note("each run is a child process `bin/kanade ...` against a local nats-server and one real agent; "
                    + "CLI JVM flags: KANADE_CLI_JAVA_OPTS in bin/kanade");
        } finally {
            TempDirs.deleteQuietly(work);
        }
        report.print(System.out);
        report.writeJson(json);
        return ok ? 0 : 1;
    }
}
