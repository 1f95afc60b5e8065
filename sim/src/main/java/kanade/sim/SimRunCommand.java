package kanade.sim;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import kanade.protocol.time.HumanDuration;
import kanade.runtime.nats.NatsUrls;
import kanade.sim.bench.ProcStats;
import picocli.CommandLine;

/** {@code kanade-sim run}: N real agents in this JVM against a broker, until Ctrl-C. */
@CommandLine.Command(name = "run", mixinStandardHelpOptions = true,
        description = "Start N simulated agents (real agent code, fake endpoint) against a broker; Ctrl-C stops them.")
public final class SimRunCommand implements Callable<Integer> {
    @CommandLine.Option(names = "--agents", required = true, description = "how many agents (pc_ids sim-00001...)")
    int agents;
    @CommandLine.Option(names = "--groups", description = "split into groups, e.g. canary:5%%,wave1:95%%")
    String groups;
    @CommandLine.Option(names = "--fail-rate", defaultValue = "0", description = "share of runs that exit 1 (default ${DEFAULT-VALUE})")
    double failRate;
    @CommandLine.Option(names = "--script-ms", defaultValue = "50", description = "simulated script time (default ${DEFAULT-VALUE})")
    int scriptMs;
    @CommandLine.Option(names = "--heartbeat", defaultValue = "30s", description = "heartbeat interval (default ${DEFAULT-VALUE})")
    String heartbeat;
    @CommandLine.Option(names = "--real-shell", description = "run scripts with the platform shell instead of answering in-process")
    boolean realShell;
    @CommandLine.Option(names = "--nats-url", defaultValue = "${env:KANADE_NATS_URL:-nats://127.0.0.1:4222}",
            description = "broker (default ${DEFAULT-VALUE}); the agents' credential comes from KANADE_NATS_NKEY_SEED "
                    + "(else KANADE_NATS_TOKEN)")
    String natsUrl;
    @CommandLine.Option(names = "--connect-parallelism", defaultValue = "64", description = "agents connecting at once")
    int connectParallelism;

    @Override
    public Integer call() throws Exception {
        if (agents < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--agents must be >= 1");
        }
        if (failRate < 0 || failRate > 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--fail-rate must be between 0 and 1");
        }
        FileLimits.requireRoomFor(agents);
        Duration interval = HumanDuration.parse(heartbeat);
        BrokerAccess broker = BrokerAccess.attached(natsUrl, System.getenv());
        long start = System.nanoTime();
        Fleet fleet = Fleet.start(new Fleet.Spec(agents, natsUrl, broker.agent(), GroupSplit.parse(groups), failRate,
                Duration.ofMillis(scriptMs), interval, realShell, Fleet.defaultDataRoot(), connectParallelism));
        System.out.printf("%d agents up in %.1f s (sim-00001..%s) on %s; Ctrl-C to stop%n", fleet.size(),
                (System.nanoTime() - start) / 1e9, Fleet.pcId(agents - 1), NatsUrls.masked(natsUrl));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                fleet.close();
            } catch (Exception e) {
                System.err.println("stop failed: " + e);
            } finally {
                stopped.countDown();
            }
        }));
        ProcStats.Reading last = ProcStats.self();
        long lastAt = System.nanoTime();
        while (!stopped.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
            ProcStats.Reading now = ProcStats.self();
            long at = System.nanoTime();
            System.out.printf("agents=%d cpu=%.0f%% of one core rss=%d MiB%n", fleet.size(),
                    100 * now.cpuSince(last) / ((at - lastAt) / 1e9), now.rssMib());
            last = now;
            lastAt = at;
        }
        return 0;
    }
}
