package kanade.sim.bench;

import io.nats.client.Connection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import kanade.agent.Agent;
import kanade.protocol.subject.Subjects;
import kanade.sim.Fleet;
import kanade.sim.GroupSplit;
import kanade.testkit.TempDirs;
import picocli.CommandLine;

/**
 * {@code kanade-sim bench fanout}: one run to all N simulated agents until every ExecResult is durable in the backend's
 * database, beside two baselines with no Kanade code: (a) raw core round trip, (b) raw JetStream + pull consumer + SQLite.
 * Exits non-zero when a result is lost or duplicated.
 */
@CommandLine.Command(name = "fanout", mixinStandardHelpOptions = true,
        description = "Time one run to all N agents until every result is in the database, against raw NATS baselines.")
public final class FanoutBench implements Callable<Integer> {
    /** Kanade's time may be at most this multiple of baseline (b). */
    public static final double TARGET_RATIO_B = 1.5;
    /** The group simulated agents join when the broker is shared with real agents. */
    static final String BENCH_GROUP = "kanade-bench";

    @CommandLine.Option(names = "--script-ms", defaultValue = "0", description = "simulated script time (default ${DEFAULT-VALUE})")
    int scriptMs;
    @CommandLine.Option(names = "--rounds", defaultValue = "5", description = "measured rounds per pipeline; the median (and best) is reported (default ${DEFAULT-VALUE})")
    int rounds;
    @CommandLine.Option(names = "--timeout", defaultValue = "180", description = "seconds to wait for one pipeline (default ${DEFAULT-VALUE})")
    int timeoutSecs;
    @CommandLine.Option(names = "--connect-parallelism", defaultValue = "64", description = "agents connecting at once during ramp-up")
    int connectParallelism;
    @CommandLine.Option(names = "--json", defaultValue = "bench-results/fanout.json", description = "where to write the JSON")
    Path json;
    @CommandLine.Mixin
    FleetOptions fleetOptions;

    @Override
    public Integer call() throws Exception {
        int agents = fleetOptions.agents;
        Path work = Files.createTempDirectory("kanade-bench-fanout-");
        BenchReport report = new BenchReport("fanout").input("agents", agents).input("script_ms", scriptMs)
                .input("rounds", rounds).input("db", "sqlite").input("fsync", "on");
        boolean ok;
        try (BenchInfra infra = BenchInfra.open(work, fleetOptions, true); Connection operator = infra.connect()) {
            BackendAccess backend = infra.backend();
            ProcStats.Reading natsStart = ProcStats.read(infra.brokerPid());
            ProcStats.Reading backendStart = ProcStats.read(backend.pid());
            ProcStats.Reading simStart = ProcStats.self();
            System.err.printf("starting %d agents...%n", agents);
            long rampStart = System.nanoTime();
            boolean shared = fleetOptions.sharedBroker();
            String subject = shared ? Subjects.commandsGroup(BENCH_GROUP) : Subjects.COMMANDS_ALL;
            report.input("subject", subject);
            try (Fleet fleet = infra.startFleet(agents, Duration.ofSeconds(30),
                    GroupSplit.parse(shared ? BENCH_GROUP + ":100%" : null), Duration.ofMillis(scriptMs), connectParallelism)) {
                double rampSeconds = (System.nanoTime() - rampStart) / 1e9;
                report.input("ramp_s", String.format("%.1f", rampSeconds));
                List<Connection> connections = fleet.agents().stream().map(Agent::connection).toList();
                Duration timeout = Duration.ofSeconds(timeoutSecs);
                CpuProbe cpu = infra.cpu();
                int replicas = RawDurablePipeline.resultsReplicas(operator);
                report.input("b_replicas", replicas);

                System.err.println("warming up (one round of each pipeline, not measured)...");
                KanadeFanout.run(operator, backend, subject, agents, timeout, cpu);
                RawRoundTrip.run(operator, connections, timeout, cpu);
                RawDurablePipeline.run(operator, connections, work.resolve("raw-0.db"), timeout, 0, replicas, cpu);

                RoundSeries seriesA = new RoundSeries();
                RoundSeries seriesB = new RoundSeries();
                RoundSeries seriesK = new RoundSeries();
                ok = true;
                for (int round = 1; round <= rounds; round++) {
                    PhaseResult a = RawRoundTrip.run(operator, connections, timeout, cpu);
                    PhaseResult b = RawDurablePipeline.run(operator, connections, work.resolve("raw-" + round + ".db"),
                            timeout, round, replicas, cpu);
                    KanadeFanout.Outcome k = KanadeFanout.run(operator, backend, subject, agents, timeout, cpu);
                    System.err.printf("round %d/%d: (a) %.3f s  (b) %.3f s  kanade %.3f s%n", round, rounds,
                            a.seconds(), b.seconds(), k.phase().seconds());
                    if (k.rows() != agents || k.distinctPcs() != agents) {
                        ok = false;
                        report.note("round " + round + ": LOST OR DUPLICATED: " + k.rows() + " rows, " + k.distinctPcs()
                                + " distinct pcs, expected " + agents);
                    }
                    seriesA.add(a);
                    seriesB.add(b);
                    seriesK.add(k.phase());
                }
                report.row(seriesA.row()).row(seriesB.row()).row(seriesK.row());
                double ratioB = seriesK.median().seconds() / seriesB.median().seconds();
                double ratioA = seriesK.median().seconds() / seriesA.median().seconds();
                double bestRatioB = seriesK.best().seconds() / seriesB.best().seconds();
                report.input("kanade_over_b_median", String.format("%.2f", ratioB));
                report.input("kanade_over_b_best", String.format("%.2f", bestRatioB));
                report.input("kanade_over_a_median", String.format("%.2f", ratioA));
                report.note(String.format("medians of %d rounds: kanade/(b) = %.2f (target <= %.1f: %s); kanade/(a) = %.2f;"
                        + " best of rounds: kanade/(b) = %.2f", rounds, ratioB, TARGET_RATIO_B,
                        ratioB <= TARGET_RATIO_B ? "met" : "MISSED", ratioA, bestRatioB));
            }
            report.note(usage("broker", infra.brokerPid(), natsStart, ProcStats.read(infra.brokerPid())));
            report.note(usage("backend", backend.pid(), backendStart, ProcStats.read(backend.pid())));
            report.note(usage("simulator", 0, simStart, ProcStats.self()));
        } finally {
            TempDirs.deleteQuietly(work);
        }
        report.print(System.out);
        report.writeJson(json);
        return ok ? 0 : 1;
    }

    static String usage(String who, long pid, ProcStats.Reading before, ProcStats.Reading after) {
        if (pid < 0) {
            return who + ": " + PhaseResult.NOT_MEASURED;
        }
        return String.format("%s: cpu %.1f s, peak rss %d MiB", who, after.cpuSince(before), after.peakRssMib());
    }
}
