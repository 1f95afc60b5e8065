package kanade.sim.bench;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import kanade.protocol.broker.BrokerRole;
import kanade.protocol.subject.Subjects;
import kanade.sim.BrokerAccess;
import kanade.testkit.ChildProcesses;
import kanade.testkit.NatsServer;
import kanade.testkit.TempDirs;
import picocli.CommandLine;

/**
 * {@code kanade-sim bench footprint}: one real agent process (bin/kanade-agent): time from process start to its first
 * heartbeat, and resident memory after it idled. A training start first lets the launcher write the agent's AOT
 * cache (JDK 25+), which later starts use.
 */
@CommandLine.Command(name = "footprint", mixinStandardHelpOptions = true,
        description = "Start-to-first-heartbeat and idle RSS of one real agent process.")
public final class FootprintBench implements Callable<Integer> {
    public static final long TARGET_RSS_MIB = 64;
    public static final long TARGET_FIRST_HEARTBEAT_MS = 800;

    @CommandLine.Option(names = "--idle", defaultValue = "60", description = "seconds to idle before reading RSS (default ${DEFAULT-VALUE})")
    int idleSeconds;
    @CommandLine.Option(names = "--starts", defaultValue = "3", description = "measured starts; the median is reported (default ${DEFAULT-VALUE})")
    int starts;
    @CommandLine.Option(names = "--json", defaultValue = "bench-results/footprint.json", description = "where to write the JSON")
    Path json;

    private static final String PC = "footprint-pc";

    @Override
    public Integer call() throws Exception {
        Path work = Files.createTempDirectory("kanade-bench-footprint-");
        BenchReport report = new BenchReport("footprint").input("idle_s", idleSeconds).input("starts", starts);
        try (NatsServer nats = NatsServer.start(work.resolve("nats"), new NatsServer.Limits(256L << 20, 2L << 30));
             Connection operator = nats.connect(BrokerRole.BACKEND)) {
            BrokerAccess broker = BrokerAccess.of(nats);
            Path config = AgentProcesses.writeConfig(work, PC, nats.url());
            System.err.println("training start (writes the agent's AOT cache on JDK 25+)...");
            startAndTime(operator, broker, config, work, false, true);
            long[] firsts = new long[starts];
            long rss = 0;
            for (int i = 0; i < starts; i++) {
                boolean last = i == starts - 1;
                Measured m = startAndTime(operator, broker, config, work, last, false);
                firsts[i] = m.firstHeartbeatMs();
                if (last) {
                    rss = m.rssMib();
                }
            }
            java.util.Arrays.sort(firsts);
            long median = firsts[starts / 2];
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("first_heartbeat_ms", median);
            row.put("target_first_heartbeat_ms", TARGET_FIRST_HEARTBEAT_MS);
            row.put("idle_rss_mib", rss);
            row.put("target_rss_mib", TARGET_RSS_MIB);
            row.put("met", median <= TARGET_FIRST_HEARTBEAT_MS && rss <= TARGET_RSS_MIB ? "yes" : "NO");
            report.row(row);
            report.note("agent JVM flags: see KANADE_AGENT_JAVA_OPTS in bin/kanade-agent; RSS counts the mapped CDS/AOT "
                    + "archives (file-backed, shared between agent processes)");
        } finally {
            TempDirs.deleteQuietly(work);
        }
        report.print(System.out);
        report.writeJson(json);
        return 0;
    }

    private record Measured(long firstHeartbeatMs, long rssMib) {
    }

    private Measured startAndTime(Connection operator, BrokerAccess broker, Path config, Path work, boolean idle,
                                  boolean train) throws Exception {
        Subscription beats = operator.subscribe(Subjects.heartbeat(PC));
        operator.flush(Duration.ofSeconds(2));
        ProcessBuilder pb = AgentProcesses.launch(work, config, broker);
        if (train) {
            pb.environment().put("KANADE_AGENT_AOT_TRAIN", "1");
        }
        long start = System.nanoTime();
        Process agent = pb.start();
        try {
            Message first = beats.nextMessage(Duration.ofSeconds(30));
            if (first == null) {
                throw new IllegalStateException("no heartbeat within 30 s; see " + work.resolve("agent.log"));
            }
            long firstMs = (System.nanoTime() - start) / 1_000_000;
            long rss = 0;
            if (train) {
                Thread.sleep(3000);
            }
            if (idle) {
                System.err.printf("first heartbeat after %d ms; idling %d s...%n", firstMs, idleSeconds);
                Thread.sleep(idleSeconds * 1000L);
                rss = ProcStats.read(agent.pid()).rssMib();
            }
            return new Measured(firstMs, rss);
        } finally {
            beats.unsubscribe();
            ChildProcesses.stop(agent, Duration.ofSeconds(15));
        }
    }
}
