package kanade.agent;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import kanade.agent.dedup.ExecutedRequests;
import kanade.agent.exec.ExecResults;
import kanade.agent.exec.JobRunner;
import kanade.agent.exec.ProcessScriptRunner;
import kanade.agent.exec.ScriptRunner;
import kanade.agent.exec.ShellCatalog;
import kanade.agent.heartbeat.HeartbeatPublisher;
import kanade.agent.heartbeat.HeartbeatSource;
import kanade.agent.outbox.Outbox;
import kanade.agent.outbox.ResultPublisher;
import kanade.runtime.nats.NatsConnect;
import kanade.protocol.subject.Subjects;
import kanade.protocol.wire.Command;
import kanade.protocol.wire.Json;
import kanade.protocol.wire.WireFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One endpoint agent: an outbound NATS connection that reconnects forever, command subscriptions, the ping
 * responder, heartbeats and the job runner. Holds no static state, so the simulator runs thousands in one JVM.
 */
public final class Agent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);

    private final AgentSettings settings;
    private final AgentRuntime runtime;
    private final Connection connection;
    private final Dispatcher dispatcher;
    private final JobRunner jobs;
    private final ResultPublisher results;
    private final HeartbeatPublisher heartbeats;
    private final HeartbeatSource heartbeatSource;
    private final List<Subscription> commandSubscriptions = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private Agent(AgentSettings settings, AgentRuntime runtime, Connection connection, ScriptRunner scripts) {
        this.settings = settings;
        this.runtime = runtime;
        this.connection = connection;
        this.dispatcher = connection.createDispatcher();
        this.heartbeatSource = new HeartbeatSource(settings, runtime.clock());
        this.results = new ResultPublisher(connection, Outbox.open(settings.dataDir()), settings.pcId());
        this.jobs = new JobRunner(settings.pcId(),
                ExecutedRequests.open(settings.dataDir(), ExecutedRequests.DEFAULT_CAPACITY), scripts,
                (command, outcome, capture, started, finished) -> results.publish(
                        ExecResults.from(settings.pcId(), command, outcome, capture, started, finished)),
                runtime.virtualThreads(), runtime.clock());
        this.heartbeats = new HeartbeatPublisher(connection, heartbeatSource, runtime.timers(), runtime.virtualThreads(),
                settings.pcId());
    }

    /** Connects (waiting for the broker if it is down) and starts an agent that runs real processes. */
    public static Agent start(AgentSettings settings, AgentRuntime runtime) throws IOException, InterruptedException {
        return start(settings, runtime, new ProcessScriptRunner(ShellCatalog.forPlatform(settings.osFamily()),
                settings.dataDir(), settings.maxOutputBytes(), runtime.virtualThreads()));
    }

    /** Connects and starts an agent with the given script runner (the simulator's runs in-process). */
    public static Agent start(AgentSettings settings, AgentRuntime runtime, ScriptRunner scripts)
            throws IOException, InterruptedException {
        try {
            Files.createDirectories(settings.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data dir " + settings.dataDir(), e);
        }
        Connection connection = Nats.connectReconnectOnConnect(options(settings, runtime));
        Agent agent = new Agent(settings, runtime, connection, scripts);
        agent.begin();
        return agent;
    }

    private static Options options(AgentSettings settings, AgentRuntime runtime) {
        return NatsConnect.baseOptions(settings.natsUrl(), settings.natsToken(), "kanade-agent " + settings.pcId())
                .maxReconnects(-1)
                .reconnectWait(Duration.ofSeconds(1))
                .reconnectJitter(Duration.ofSeconds(2))
                .executor(runtime.virtualThreads())
                .callbackExecutor(runtime.virtualThreads())
                .connectExecutor(runtime.virtualThreads())
                .readerExecutor(runtime.virtualThreads())
                .writerExecutor(runtime.virtualThreads())
                .scheduledExecutor(runtime.timers())
                .useDispatcherWithExecutor()
                .bufferSize(16 * 1024)
                .build();
    }

    private void begin() {
        dispatcher.subscribe(Subjects.KILL_WILDCARD, this::onKill);
        try {
            connection.flush(Duration.ofSeconds(5));
        } catch (Exception e) {
            LOG.debug("{} - flush of the kill subscription failed ({}); it goes out with the others", settings.pcId(),
                    e.toString());
        }
        commandSubscriptions.add(dispatcher.subscribe(Subjects.COMMANDS_ALL, this::onCommand));
        commandSubscriptions.add(dispatcher.subscribe(Subjects.commandsPc(settings.pcId()), this::onCommand));
        for (String group : settings.groups()) {
            commandSubscriptions.add(dispatcher.subscribe(Subjects.commandsGroup(group), this::onCommand));
        }
        dispatcher.subscribe(Subjects.agentPing(settings.pcId()), this::onPing);
        try {
            connection.flush(Duration.ofSeconds(5));
        } catch (Exception e) {
            LOG.debug("{} - initial flush failed ({}); subscriptions go out on reconnect", settings.pcId(), e.toString());
        }
        heartbeats.start(settings.heartbeatInterval());
        runtime.virtualThreads().execute(() -> {
            try {
                results.drainOutbox();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        LOG.info("{} - agent up (instance {}), listening on {} and {}", settings.pcId(), heartbeatSource.instanceId(),
                Subjects.COMMANDS_ALL, Subjects.commandsPc(settings.pcId()));
    }

    private void onCommand(Message message) {
        Command command;
        try {
            command = Json.decode(message.getData(), Command.class);
        } catch (WireFormatException e) {
            LOG.warn("{} - ignored malformed command on {}: {}", settings.pcId(), message.getSubject(), e.getMessage());
            return;
        }
        jobs.submit(command);
    }

    private void onKill(Message message) {
        String subject = message.getSubject();
        int killed = jobs.kill(subject.substring(subject.indexOf('.') + 1), subject);
        if (killed > 0) {
            LOG.info("{} - {} killed {} job(s)", settings.pcId(), subject, killed);
        }
    }

    private void onPing(Message message) {
        if (message.getReplyTo() != null) {
            connection.publish(message.getReplyTo(), Json.encode(heartbeatSource.now()));
        }
    }

    /** The settings this agent runs with. */
    public AgentSettings settings() {
        return settings;
    }

    /** The NATS connection (for tests and the simulator's measurements). */
    public Connection connection() {
        return connection;
    }

    /** Publishes one heartbeat now (besides the regular cadence). */
    public void heartbeatNow() {
        heartbeats.beat();
    }

    /** Jobs currently running. */
    public int runningJobs() {
        return jobs.runningCount();
    }

    /**
     * Graceful stop: unsubscribe from commands, let jobs finish within the grace period, kill the rest (they are still
     * reported), stop heartbeats, drain the connection.
     */
    @Override
    public void close() throws InterruptedException {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (Subscription sub : commandSubscriptions) {
            dispatcher.unsubscribe(sub);
        }
        if (!jobs.shutdown(settings.shutdownGrace())) {
            results.stop();
            jobs.awaitIdle(Duration.ofSeconds(5));
        }
        heartbeats.close();
        results.stop();
        try {
            connection.drain(Duration.ofSeconds(5)).get();
        } catch (Exception e) {
            if (e instanceof InterruptedException ie) {
                throw ie;
            }
            connection.close();
        }
        LOG.info("{} - agent stopped", settings.pcId());
    }
}
