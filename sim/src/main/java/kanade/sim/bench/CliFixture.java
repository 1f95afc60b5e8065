package kanade.sim.bench;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kanade.protocol.broker.BrokerRole;
import kanade.protocol.subject.Subjects;
import kanade.runtime.jetstream.JetStreamBootstrap;
import kanade.runtime.jetstream.JetStreamLayout;
import kanade.sim.BrokerAccess;
import kanade.testkit.ChildProcesses;
import kanade.testkit.BrokerAuth;
import kanade.testkit.NatsServer;

/**
 * What {@code kanade ping} / {@code kanade run} need to do real work: a throwaway nats-server with the broker roles and
 * Kanade's JetStream layout (scaled down) and one real agent process (bin/kanade-agent) with the agent NKey, up once its
 * first heartbeat arrived. Runs {@code bin/kanade} as a child process against them with the operator-admin broker
 * login in its environment, for the CLI bench and the CLI's AOT training.
 */
final class CliFixture implements AutoCloseable {
    /** The pc_id of the fixture's agent. */
    static final String PC = "cli-bench-pc";
    private static final double JETSTREAM_SCALE = 0.01;

    private final Path work;
    private final NatsServer nats;
    private final Connection operator;
    private final Process agent;

    private CliFixture(Path work, NatsServer nats, Connection operator, Process agent) {
        this.work = work;
        this.nats = nats;
        this.operator = operator;
        this.agent = agent;
    }

    /** Starts the broker, creates the streams and buckets, starts the agent and waits for its first heartbeat. */
    static CliFixture start(Path work) throws Exception {
        // kanade's shared-token broker: the CLI's direct run/ping/kill is kanade's mode for a broker without roles
        // (with roles they go through the backend, which the bench of this path does not measure)
        NatsServer nats = NatsServer.start(work.resolve("nats"), new NatsServer.Limits(256L << 20, 2L << 30),
                BrokerAuth.token("cli-bench-" + java.util.UUID.randomUUID()), List.of());
        BrokerAccess broker = BrokerAccess.of(nats);
        Connection operator = null;
        Process agent = null;
        try {
            operator = broker.connectOperator("kanade-sim cli fixture");
            new JetStreamBootstrap(operator, JetStreamLayout.scaled(JETSTREAM_SCALE)).apply();
            Path config = AgentProcesses.writeConfig(work, PC, nats.url());
            Subscription beats = operator.subscribe(Subjects.heartbeat(PC));
            operator.flush(Duration.ofSeconds(2));
            agent = AgentProcesses.launch(work, config, broker).start();
            Message first = beats.nextMessage(Duration.ofSeconds(60));
            beats.unsubscribe();
            if (first == null) {
                throw new IllegalStateException("the agent sent no heartbeat within 60 s; see " + work.resolve("agent.log"));
            }
            return new CliFixture(work, nats, operator, agent);
        } catch (Exception | Error e) {
            if (agent != null) {
                ChildProcesses.stop(agent, Duration.ofSeconds(10));
            }
            if (operator != null) {
                operator.close();
            }
            nats.close();
            throw e;
        }
    }

    /** {@code bin/kanade ping <pc>}. */
    static List<String> ping() {
        return List.of("ping", PC);
    }

    /** {@code bin/kanade run <pc> -- true}. */
    static List<String> runTrue() {
        return List.of("run", PC, "--", "true");
    }

    /**
     * Runs {@code bin/kanade args...} against this broker (KANADE_NATS_URL and its token) with {@code env} added, output to a log under the work dir; returns its
     * exit code and wall time.
     */
    Timed kanade(List<String> args, Map<String, String> env) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(KanadeHome.launcher("kanade").toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("kanade.log").toFile()));
        pb.environment().remove("KANADE_JAVA_OPTS"); // the simulator's JVM flags are not the CLI's
        // no inherited login or backend: that would send these commands through a backend
        List.of("KANADE_AUTH_TOKEN", "KANADE_BACKEND_URL", "KANADE_NATS_USER", "KANADE_NATS_PASSWORD")
                .forEach(pb.environment()::remove);
        pb.environment().put("KANADE_CONFIG_DIR", work.resolve("cli-config").toString());
        pb.environment().put("KANADE_NATS_URL", nats.url());
        pb.environment().putAll(nats.auth().env(BrokerRole.ADMIN));
        pb.environment().putAll(env);
        long start = System.nanoTime();
        Process process = pb.start();
        int exit = process.waitFor();
        return new Timed(exit, (System.nanoTime() - start) / 1e9);
    }

    /** The log the CLI runs write to. */
    Path log() {
        return work.resolve("kanade.log");
    }

    /** One CLI run: its exit code and wall seconds from spawn to exit. */
    record Timed(int exit, double seconds) {
    }

    @Override
    public void close() {
        ChildProcesses.stop(agent, Duration.ofSeconds(15));
        try {
            operator.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        nats.close();
    }
}
