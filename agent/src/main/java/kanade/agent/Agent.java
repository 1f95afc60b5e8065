package kanade.agent;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import kanade.agent.dedup.ExecutedRequests;
import kanade.agent.exec.AdmissionGate;
import kanade.agent.exec.ExecResults;
import kanade.agent.exec.JobRunner;
import kanade.agent.exec.ProcessScriptRunner;
import kanade.agent.exec.ScriptRunner;
import kanade.agent.exec.ShellCatalog;
import kanade.agent.heartbeat.HeartbeatPublisher;
import kanade.agent.heartbeat.HeartbeatSource;
import kanade.agent.outbox.Outbox;
import kanade.agent.outbox.ResultPublisher;
import kanade.agent.policy.PolicySupervisor;
import kanade.protocol.broker.BrokerRole;
import kanade.protocol.broker.BrokerUsers;
import kanade.protocol.subject.Subjects;
import kanade.runtime.files.OwnerOnly;
import kanade.runtime.lifecycle.Component;
import kanade.runtime.lifecycle.ComponentStack;
import kanade.runtime.nats.NatsConnect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One endpoint agent: an outbound NATS connection that reconnects forever and the components on it, started in
 * order and stopped in reverse: result publisher (outbox), kill listener, job runner, command subscriptions (which
 * follow the fleet policy live), ping responder, heartbeats. What it is given at start is {@link AgentSettings}; what
 * may change while it runs is the {@link kanade.agent.policy.FleetPolicy} held by its {@link PolicySupervisor}.
 * Holds no static state, so the simulator runs thousands in one JVM.
 */
public final class Agent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);

    private final AgentSettings settings;
    private final Connection connection;
    private final PolicySupervisor policy;
    private final JobRunner jobs;
    private final HeartbeatPublisher heartbeats;
    private final HeartbeatSource heartbeatSource;
    private final CommandSubscriptions commands;
    private final ComponentStack components;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Agent(AgentSettings settings, AgentRuntime runtime, Connection connection, ScriptRunner scripts) {
        this.settings = settings;
        this.connection = connection;
        this.policy = new PolicySupervisor(settings.pcId(), settings.initialPolicy());
        Dispatcher dispatcher = connection.createDispatcher();
        this.heartbeatSource = new HeartbeatSource(settings, runtime.clock());
        ResultPublisher results = new ResultPublisher(connection, Outbox.open(settings.dataDir()), settings.pcId());
        ExecutedRequests executed = ExecutedRequests.open(settings.dataDir(), ExecutedRequests.DEFAULT_CAPACITY);
        this.jobs = new JobRunner(settings.pcId(), executed, scripts,
                (command, outcome, capture, started, finished) -> results.publish(
                        ExecResults.from(settings.pcId(), command, outcome, capture, started, finished)),
                runtime.virtualThreads(), admissionGate(policy, runtime), runtime.clock());
        MalformedCommands malformed = new MalformedCommands(settings.pcId(), executed, results,
                runtime.virtualThreads(), runtime.clock());
        this.commands = new CommandSubscriptions(settings.pcId(), connection, dispatcher, policy, jobs::submit,
                malformed::refuse);
        this.heartbeats = new HeartbeatPublisher(connection, heartbeatSource, runtime.timers(), runtime.virtualThreads(),
                policy);
        this.components = new ComponentStack(settings.pcId(), List.of(
                Component.of("connection", Component::nothing, this::drainConnection),
                Component.of("results", () -> results.startDrainingOutbox(runtime.virtualThreads()), results::stop),
                new SubscriptionComponent("kill", settings.pcId(), connection, dispatcher, Subjects.KILL_WILDCARD,
                        new KillListener(settings.pcId(), jobs)),
                Component.of("jobs", Component::nothing, () -> finishJobs(results)),
                commands,
                new SubscriptionComponent("ping", settings.pcId(), connection, dispatcher,
                        Subjects.agentPing(settings.pcId()), new PingResponder(connection, heartbeatSource)),
                heartbeats));
    }

    private static AdmissionGate admissionGate(PolicySupervisor policy, AgentRuntime runtime) {
        AdmissionGate gate = new AdmissionGate(policy.current().effectiveMaxConcurrentJobs(), runtime.clock());
        policy.listen((previous, current) -> gate.setLimit(current.effectiveMaxConcurrentJobs()));
        return gate;
    }

    /** Connects (waiting for the broker if it is down) and starts an agent that runs real processes. */
    public static Agent start(AgentSettings settings, AgentRuntime runtime) throws Exception {
        return start(settings, runtime, new ProcessScriptRunner(ShellCatalog.forPlatform(settings.osFamily()),
                settings.dataDir(), settings.maxOutputBytes(), runtime.virtualThreads()));
    }

    /** Connects and starts an agent with the given script runner (the simulator's runs in-process). */
    public static Agent start(AgentSettings settings, AgentRuntime runtime, ScriptRunner scripts) throws Exception {
        OwnerOnly.directory(settings.dataDir());
        Connection connection = Nats.connectReconnectOnConnect(options(settings, runtime));
        Agent agent = new Agent(settings, runtime, connection, scripts);
        agent.components.start();
        LOG.info("{} - agent up (instance {}), listening on {}", settings.pcId(), agent.heartbeatSource.instanceId(),
                agent.commands.subjects());
        return agent;
    }

    private static Options options(AgentSettings settings, AgentRuntime runtime) {
        return NatsConnect.baseOptions(settings.natsUrl(), settings.natsCredentials(), BrokerRole.AGENT,
                        "kanade-agent " + settings.pcId())
                // as long as the broker's login timeout: in a reconnect storm a login may take seconds, and a client
                // that times out on the same server twice is closed by jnats for good
                .connectionTimeout(Duration.ofSeconds(BrokerUsers.LOGIN_TIMEOUT_SECONDS))
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

    /** The settings this agent runs with. */
    public AgentSettings settings() {
        return settings;
    }

    /** The fleet policy this agent follows now; {@link PolicySupervisor#update} changes it live. */
    public PolicySupervisor policy() {
        return policy;
    }

    /** The command subjects this agent listens on now. */
    public Set<String> commandSubjects() {
        return commands.subjects();
    }

    /** Whether this agent has taken (started or finished) the command with {@code requestId}. */
    public boolean hasTaken(String requestId) {
        return jobs.hasTaken(requestId);
    }

    /** The NATS connection (for tests and the simulator's measurements). */
    public Connection connection() {
        return connection;
    }

    /** Publishes one heartbeat now (besides the regular cadence). */
    public void heartbeatNow() {
        heartbeats.beat();
    }

    /** Jobs waiting for a slot because max_local_concurrent jobs are running. */
    public int jobsWaitingForSlot() {
        return jobs.waitingCount();
    }

    /** Jobs currently in flight (running or waiting for a slot). */
    public int runningJobs() {
        return jobs.runningCount();
    }

    /**
     * Graceful stop, the components in reverse: heartbeats and ping end, command subscriptions go, running jobs get
     * the shutdown grace (kills still work) and the rest are killed and reported, then the connection drains.
     */
    @Override
    public void close() throws Exception {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        components.stop();
        LOG.info("{} - agent stopped", settings.pcId());
    }

    private void finishJobs(ResultPublisher results) throws InterruptedException {
        if (!jobs.shutdown(settings.shutdownGrace())) {
            results.stop();
            jobs.awaitIdle(Duration.ofSeconds(5));
        }
    }

    private void drainConnection() throws InterruptedException {
        try {
            connection.drain(Duration.ofSeconds(5)).get();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            connection.close();
        }
    }
}
