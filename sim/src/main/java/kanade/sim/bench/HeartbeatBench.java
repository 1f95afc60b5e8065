package kanade.sim.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import kanade.protocol.time.HumanDuration;
import kanade.protocol.wire.Json;
import kanade.sim.Fleet;
import kanade.sim.GroupSplit;
import kanade.testkit.TempDirs;
import picocli.CommandLine;

/** {@code kanade-sim bench heartbeat}: backend CPU and agents-table rows/s while N agents beat at each interval. */
@CommandLine.Command(name = "heartbeat", mixinStandardHelpOptions = true,
        description = "Backend CPU %% (of one core) and heartbeat rows/s with N agents, per heartbeat interval.")
public final class HeartbeatBench implements Callable<Integer> {
    /** The backend may use at most this share of one core at 10,000 agents / 30 s. */
    public static final double TARGET_CPU_PCT = 10.0;

    @CommandLine.Option(names = "--intervals", split = ",", defaultValue = "30s,3s", description = "heartbeat intervals (default ${DEFAULT-VALUE})")
    List<String> intervals;
    @CommandLine.Option(names = "--duration", defaultValue = "2m", description = "measured time per interval (default ${DEFAULT-VALUE})")
    String duration;
    @CommandLine.Option(names = "--json", defaultValue = "bench-results/heartbeat.json", description = "where to write the JSON")
    Path json;
    @CommandLine.Mixin
    FleetOptions fleetOptions;

    @Override
    public Integer call() throws Exception {
        int agents = fleetOptions.agents;
        Duration measure = HumanDuration.parse(duration);
        Path work = Files.createTempDirectory("kanade-bench-heartbeat-");
        BenchReport report = new BenchReport("heartbeat").input("agents", agents).input("duration", duration);
        HttpClient http = HttpClient.newHttpClient();
        try (BenchInfra infra = BenchInfra.open(work, fleetOptions, true)) {
            BackendAccess backend = infra.backend();
            for (String text : intervals) {
                Duration interval = HumanDuration.parse(text);
                try (Fleet fleet = infra.startFleet(agents, interval, GroupSplit.parse(null), Duration.ZERO, 64)) {
                    Thread.sleep(interval.toMillis());
                    long rowsBefore = heartbeatRows(http, backend);
                    ProcStats.Reading before = ProcStats.read(backend.pid());
                    long start = System.nanoTime();
                    System.err.printf("measuring %d agents at %s for %s...%n", agents, text, duration);
                    Thread.sleep(measure.toMillis());
                    double seconds = (System.nanoTime() - start) / 1e9;
                    ProcStats.Reading after = ProcStats.read(backend.pid());
                    long rows = heartbeatRows(http, backend) - rowsBefore;
                    double cpuPct = 100 * after.cpuSince(before) / seconds;
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("agents", agents);
                    row.put("interval", text);
                    row.put("beats_per_s_expected", Math.round(agents / (interval.toMillis() / 1000.0)));
                    row.put("db_rows_per_s", Math.round(rows / seconds));
                    row.put("backend_cpu_pct_of_core", backend.pid() < 0 ? PhaseResult.NOT_MEASURED
                            : String.format("%.1f", cpuPct));
                    row.put("backend_rss_mib", backend.pid() < 0 ? PhaseResult.NOT_MEASURED : after.rssMib());
                    report.row(row);
                }
            }
            report.note("target: backend < " + TARGET_CPU_PCT + "% of one core at 10,000 agents / 30 s");
        } finally {
            TempDirs.deleteQuietly(work);
        }
        report.print(System.out);
        report.writeJson(json);
        return 0;
    }

    private static long heartbeatRows(HttpClient http, BackendAccess backend) throws Exception {
        HttpResponse<String> response = http.send(backend.request("/api/stats/ingest").build(),
                HttpResponse.BodyHandlers.ofString());
        return Json.mapper().readTree(response.body()).path("heartbeat_rows").asLong();
    }
}
