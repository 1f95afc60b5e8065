package kanade.sim.bench;

import io.nats.client.Connection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import kanade.runtime.run.RemoteRun;
import kanade.protocol.wire.Command;
import kanade.protocol.wire.Ids;
import kanade.sim.Fleet;
import kanade.sim.GroupSplit;
import kanade.testkit.TempDirs;
import picocli.CommandLine;

/** {@code kanade-sim bench targeted}: latency of {@code kanade run} (ping, publish, result) to one random agent among N. */
@CommandLine.Command(name = "targeted", mixinStandardHelpOptions = true,
        description = "Latency of a run to one random agent among N, repeated (default 1,000 times).")
public final class TargetedBench implements Callable<Integer> {
    @CommandLine.Option(names = "--runs", defaultValue = "1000", description = "runs to measure (default ${DEFAULT-VALUE})")
    int runs;
    @CommandLine.Option(names = "--json", defaultValue = "bench-results/targeted.json", description = "where to write the JSON")
    Path json;
    @CommandLine.Mixin
    FleetOptions fleetOptions;

    @Override
    public Integer call() throws Exception {
        int agents = fleetOptions.agents;
        Path work = Files.createTempDirectory("kanade-bench-targeted-");
        BenchReport report = new BenchReport("targeted").input("agents", agents).input("runs", runs);
        int failures = 0;
        try (BenchInfra infra = BenchInfra.open(work, fleetOptions, true);
             Connection operator = infra.connect();
             Fleet fleet = infra.startFleet(agents, Duration.ofSeconds(30), GroupSplit.parse(null), Duration.ZERO, 64)) {
            RemoteRun remote = new RemoteRun(operator);
            CpuProbe cpu = infra.cpu();
            for (int i = 0; i < 50; i++) {
                runOnce(remote);
            }
            long[] latencies = new long[runs];
            CpuProbe.Snapshot cpuStart = cpu.snapshot();
            long start = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                if (!(runOnce(remote) instanceof RemoteRun.Outcome.Finished)) {
                    failures++;
                }
                latencies[i] = (System.nanoTime() - t) / 1_000_000;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            PhaseResult.CpuUse used = cpu.snapshot().since(cpuStart);
            Percentiles p = Percentiles.of(latencies);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("agents", agents);
            row.put("runs", runs);
            row.put("failed", failures);
            row.put("p50_ms", p.p50());
            row.put("p95_ms", p.p95());
            row.put("p99_ms", p.p99());
            row.put("max_ms", p.max());
            row.put("runs_per_s", Math.round(runs / seconds));
            row.put("sim_cpu_s", PhaseResult.cpuText(used.simulator()));
            row.put("broker_cpu_s", PhaseResult.cpuText(used.broker()));
            row.put("backend_cpu_s", PhaseResult.cpuText(used.backend()));
            report.row(row);
            report.note("each run = ping agents.<pc>.ping + subscribe results.<id> + publish commands.pc.<pc> + wait, "
                    + "sequential, like `kanade run`");
        } finally {
            TempDirs.deleteQuietly(work);
        }
        report.print(System.out);
        report.writeJson(json);
        return failures == 0 ? 0 : 1;
    }

    private RemoteRun.Outcome runOnce(RemoteRun remote) throws Exception {
        String pc = Fleet.pcId(ThreadLocalRandom.current().nextInt(fleetOptions.agents));
        Command command = Command.adhoc(Ids.randomUuid(), Ids.randomUuid(), "sh", "echo targeted", 30, null);
        return remote.run(pc, command, Duration.ofSeconds(2), published -> { });
    }
}
