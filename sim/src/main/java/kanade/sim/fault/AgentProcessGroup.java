package kanade.sim.fault;

import io.nats.client.Connection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kanade.runtime.run.AgentPing;
import kanade.sim.BrokerAccess;
import kanade.sim.bench.AgentProcesses;
import kanade.testkit.ChildProcesses;

/**
 * A few real agent processes ({@code bin/kanade-agent}), each with its own dir, agent.toml, data and log under
 * {@code root/<pc_id>}: pc_ids {@code <prefix>-1} to {@code <prefix>-n}. They can be killed and started again.
 */
final class AgentProcessGroup implements AutoCloseable {
    private final List<String> pcIds;
    private final List<Path> dirs;
    private final List<Path> configs;
    private final BrokerAccess broker;
    private final Process[] processes;

    private AgentProcessGroup(List<String> pcIds, List<Path> dirs, List<Path> configs, BrokerAccess broker) {
        this.pcIds = pcIds;
        this.dirs = dirs;
        this.configs = configs;
        this.broker = broker;
        this.processes = new Process[pcIds.size()];
    }

    /** Starts {@code count} agents on {@code broker} (its agent NKey) and waits until each answers a ping. */
    static AgentProcessGroup start(Path root, String prefix, int count, BrokerAccess broker, Connection operator,
                                   Duration timeout) throws Exception {
        List<String> pcIds = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        List<Path> configs = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String pcId = prefix + "-" + i;
            Path dir = root.resolve(pcId);
            java.nio.file.Files.createDirectories(dir);
            pcIds.add(pcId);
            dirs.add(dir);
            configs.add(AgentProcesses.writeConfig(dir, pcId, broker.url()));
        }
        AgentProcessGroup group = new AgentProcessGroup(pcIds, dirs, configs, broker);
        try {
            group.launch();
            group.awaitReady(operator, timeout);
            return group;
        } catch (Exception | Error e) {
            group.close();
            throw e;
        }
    }

    List<String> pcIds() {
        return pcIds;
    }

    int size() {
        return pcIds.size();
    }

    /** The outbox dir of agent {@code index} (0-based). */
    Path outbox(int index) {
        return dirs.get(index).resolve("agent-data").resolve("outbox");
    }

    /** Starts every agent process (again), without waiting for it. */
    void launch() throws Exception {
        for (int i = 0; i < processes.length; i++) {
            processes[i] = AgentProcesses.launch(dirs.get(i), configs.get(i), broker).start();
        }
    }

    /** Waits until every agent answers {@code agents.<pc_id>.ping}: its command subscriptions are in place. */
    void awaitReady(Connection operator, Duration timeout) throws Exception {
        for (String pcId : pcIds) {
            Waits.until(pcId + " answering a ping (see " + dirs.get(pcIds.indexOf(pcId)).resolve("agent.log") + ")",
                    timeout, () -> AgentPing.ping(operator, pcId, Duration.ofSeconds(1)).isPresent());
        }
    }

    /** Kills every agent process with SIGKILL and waits until each is gone. */
    void killAll() throws InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly().waitFor();
        }
    }

    @Override
    public void close() {
        for (Process p : processes) {
            if (p != null) {
                ChildProcesses.stop(p, Duration.ofSeconds(15));
            }
        }
    }
}
