package kanade.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import kanade.agent.Agent;
import kanade.agent.AgentRuntime;
import kanade.agent.AgentSettings;
import kanade.agent.policy.FleetPolicy;
import kanade.agent.exec.ProcessScriptRunner;
import kanade.agent.exec.ShellCatalog;
import kanade.runtime.config.OsFamily;
import kanade.runtime.nats.NatsCredentials;
import kanade.testkit.TempDirs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** N real agents in this JVM, sharing one runtime (virtual threads, one timer pool); pc_ids sim-00001, sim-00002, ... */
public final class Fleet implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Fleet.class);

    /**
     * How the fleet is built: every agent connects with {@code credentials} (the agent role's NKey, which simulated
     * agents share); {@code hold} holds the simulated scripts at their end while engaged.
     */
    public record Spec(int agents, String natsUrl, NatsCredentials credentials, GroupSplit groups, double failRate,
                       Duration scriptTime, Duration heartbeat, boolean realShell, Path dataRoot, int connectParallelism,
                       ScriptHold hold) {
        /** A fleet whose scripts are never held. */
        public Spec(int agents, String natsUrl, NatsCredentials credentials, GroupSplit groups, double failRate,
                    Duration scriptTime, Duration heartbeat, boolean realShell, Path dataRoot, int connectParallelism) {
            this(agents, natsUrl, credentials, groups, failRate, scriptTime, heartbeat, realShell, dataRoot,
                    connectParallelism, new ScriptHold());
        }
    }

    private final AgentRuntime runtime;
    private final List<Agent> agents;
    private final Path dataRoot;

    private Fleet(AgentRuntime runtime, List<Agent> agents, Path dataRoot) {
        this.runtime = runtime;
        this.agents = agents;
        this.dataRoot = dataRoot;
    }

    /** The pc_id of agent {@code index} (0-based). */
    public static String pcId(int index) {
        return String.format("sim-%05d", index + 1);
    }

    /** Starts every agent (ramping with jitter, a bounded number connecting at once) and returns when all are up. */
    public static Fleet start(Spec spec) throws Exception {
        AgentRuntime runtime = AgentRuntime.create(2);
        Files.createDirectories(spec.dataRoot());
        List<Agent> agents = Collections.synchronizedList(new ArrayList<>(spec.agents()));
        Semaphore connecting = new Semaphore(spec.connectParallelism());
        CountDownLatch up = new CountDownLatch(spec.agents());
        AtomicInteger failed = new AtomicInteger();
        for (int i = 0; i < spec.agents(); i++) {
            int index = i;
            connecting.acquire();
            runtime.virtualThreads().execute(() -> {
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextInt(3));
                    agents.add(startOne(spec, runtime, index));
                } catch (Exception e) {
                    failed.incrementAndGet();
                    LOG.error("agent {} failed to start: {}", pcId(index), e.toString());
                } finally {
                    connecting.release();
                    up.countDown();
                }
            });
            if ((i + 1) % 1000 == 0) {
                System.err.printf("  %d/%d agents starting%n", i + 1, spec.agents());
            }
        }
        up.await();
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " agents failed to start; see the log (ulimit -n?)");
        }
        return new Fleet(runtime, agents, spec.dataRoot());
    }

    private static Agent startOne(Spec spec, AgentRuntime runtime, int index) throws Exception {
        String pcId = pcId(index);
        AgentSettings settings = AgentSettings.builder(pcId, spec.natsUrl(), spec.dataRoot().resolve(pcId))
                .natsCredentials(spec.credentials()).shutdownGrace(Duration.ofSeconds(2)).maxOutputBytes(64 * 1024)
                .osFamily(OsFamily.LINUX)
                .initialPolicy(FleetPolicy.defaults().withHeartbeatInterval(spec.heartbeat())
                        .withGroups(spec.groups().groupsOf(index, spec.agents())))
                .build();
        var scripts = spec.realShell()
                ? new ProcessScriptRunner(ShellCatalog.forPlatform(OsFamily.current()), settings.dataDir(),
                        settings.maxOutputBytes(), runtime.virtualThreads())
                : new SimulatedScriptRunner(pcId, spec.scriptTime(), spec.failRate(), runtime.timers(),
                        spec.hold());
        return Agent.start(settings, runtime, scripts);
    }

    /** The running agents. */
    public List<Agent> agents() {
        return List.copyOf(agents);
    }

    /** Number of agents. */
    public int size() {
        return agents.size();
    }

    /** Where the agents keep their data (outbox, executed ids). */
    public Path dataRoot() {
        return dataRoot;
    }

    /** Stops every agent in parallel, then the shared runtime, then removes the data. */
    @Override
    public void close() throws Exception {
        CountDownLatch down = new CountDownLatch(agents.size());
        for (Agent agent : agents) {
            Thread.ofVirtual().start(() -> {
                try {
                    agent.close();
                } catch (Exception e) {
                    LOG.debug("agent stop: {}", e.toString());
                } finally {
                    down.countDown();
                }
            });
        }
        down.await();
        runtime.close();
        TempDirs.deleteQuietly(dataRoot);
    }

    /** A data root on tmpfs when there is one (the agents' outbox and executed-request files stay off the disk). */
    public static Path defaultDataRoot() throws IOException {
        Path shm = Path.of("/dev/shm");
        return Files.createTempDirectory(Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(
                System.getProperty("java.io.tmpdir")), "kanade-sim-");
    }
}
