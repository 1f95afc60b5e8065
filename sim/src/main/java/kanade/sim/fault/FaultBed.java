package kanade.sim.fault;

import io.nats.client.Connection;
import io.nats.client.Nats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import kanade.protocol.subject.Subjects;
import kanade.protocol.wire.Command;
import kanade.protocol.wire.Ids;
import kanade.protocol.wire.Json;
import kanade.sim.BrokerAccess;
import kanade.sim.FileLimits;
import kanade.sim.Fleet;
import kanade.sim.GroupSplit;
import kanade.sim.ScriptHold;
import kanade.sim.bench.BackendProcess;
import kanade.testkit.NatsServer;

/**
 * What a fault runs against, all real: a nats-server child process with the broker roles (stoppable and restartable
 * on the same port, store and credentials), the backend as a child process on SQLite (killable and restartable on the
 * same database), an operator connection as the backend role that sends the commands, and optionally a fleet of
 * simulated agents in this JVM sharing the agent NKey.
 */
final class FaultBed implements AutoCloseable {
    private static final NatsServer.Limits BROKER_LIMITS = new NatsServer.Limits(512L << 20, 8L << 30);
    private static final double JETSTREAM_SCALE = 0.2;

    private final Path work;
    private final NatsServer broker;
    private final BrokerAccess access;
    private final Connection operator;
    private final ScriptHold hold = new ScriptHold();
    private final int projectionBatch;
    private BackendProcess backend;
    private Fleet fleet;

    private FaultBed(Path work, NatsServer broker, BrokerAccess access, BackendProcess backend, Connection operator,
                     int projectionBatch) {
        this.work = work;
        this.broker = broker;
        this.access = access;
        this.backend = backend;
        this.operator = operator;
        this.projectionBatch = projectionBatch;
    }

    /** Starts the broker and the backend (its default projection batch) under {@code work}. */
    static FaultBed start(Path work, Progress progress) throws Exception {
        return start(work, progress, 0);
    }

    /** Starts the broker and the backend with {@code [projection] batch} (0: its default) under {@code work}. */
    static FaultBed start(Path work, Progress progress, int projectionBatch) throws Exception {
        progress.say("starting nats-server and the backend");
        NatsServer broker = NatsServer.start(work.resolve("nats"), BROKER_LIMITS);
        BrokerAccess access = BrokerAccess.of(broker);
        BackendProcess backend = null;
        try {
            backend = BackendProcess.start(work.resolve("backend"), access, JETSTREAM_SCALE, projectionBatch);
            Connection operator = Nats.connect(access.operatorOptions("kanade-sim fault").maxReconnects(-1).build());
            return new FaultBed(work, broker, access, backend, operator, projectionBatch);
        } catch (Exception | Error e) {
            if (backend != null) {
                backend.close();
            }
            broker.close();
            throw e;
        }
    }

    /** Starts {@code agents} simulated agents whose scripts end at once (unless {@link #hold()} is engaged). */
    Fleet startFleet(int agents, Progress progress) throws Exception {
        FileLimits.requireRoomFor(agents);
        progress.say("starting %d simulated agents", agents);
        fleet = Fleet.start(new Fleet.Spec(agents, broker.url(), access.agent(), GroupSplit.parse(null), 0.0,
                Duration.ZERO, Duration.ofSeconds(30), false, Fleet.defaultDataRoot(), 64, hold));
        return fleet;
    }

    Path work() {
        return work;
    }

    NatsServer broker() {
        return broker;
    }

    /** The broker's role credentials, for the agent processes a fault starts. */
    BrokerAccess access() {
        return access;
    }

    BackendProcess backend() {
        return backend;
    }

    Connection operator() {
        return operator;
    }

    /** Holds the fleet's scripts at their end while engaged. */
    ScriptHold hold() {
        return hold;
    }

    /** Kills the backend with SIGKILL. */
    void killBackend() throws InterruptedException {
        backend.kill();
    }

    /** Starts the backend again on the same database (a new port); returns once it answers /health. */
    void startBackend() throws Exception {
        backend.close();
        backend = BackendProcess.start(work.resolve("backend"), access, JETSTREAM_SCALE, projectionBatch);
    }

    /** Sends a well-formed ad-hoc command to every agent; returns its request_id. */
    String sendToAll(String script, Long jitterSecs) throws Exception {
        String requestId = Ids.randomUuid();
        Command command = new Command(Command.ADHOC_ID, Command.ADHOC_VERSION, requestId, Ids.randomUuid(), "sh",
                script, 120, jitterSecs, null, null, null);
        publishToAll(Json.encode(command));
        return requestId;
    }

    /** Publishes raw bytes on {@code commands.all} (well-formed or not) and flushes. */
    void publishToAll(byte[] payload) throws Exception {
        operator.publish(Subjects.COMMANDS_ALL, payload);
        operator.flush(Duration.ofSeconds(10));
    }

    /** What the database holds for {@code requestId}, which {@code expected} agents should each answer once. */
    Tally tally(String requestId, long expected) throws Exception {
        return Tally.of(expected, backend.resultCount(requestId), backend.distinctPcs(requestId));
    }

    /** Waits until {@code expected} agents have a result for {@code requestId} in the database; false on timeout. */
    boolean awaitStored(String requestId, long expected, Duration timeout) throws Exception {
        return Waits.within(timeout, () -> backend.distinctPcs(requestId) >= expected);
    }

    /** Whether every agent of the fleet took {@code requestId} (claimed it; its job may still run). */
    boolean allTook(String requestId) {
        return fleet.agents().stream().allMatch(a -> a.hasTaken(requestId));
    }

    /** How many of the fleet's agents hold a result in their outbox (written ahead, not acked yet). */
    long agentsWithOutboxEntry() throws Exception {
        long count = 0;
        for (int i = 0; i < fleet.size(); i++) {
            if (hasOutboxEntry(fleet.dataRoot().resolve(Fleet.pcId(i)).resolve("outbox"))) {
                count++;
            }
        }
        return count;
    }

    /** Whether an agent's outbox dir holds a result waiting for its ack. */
    static boolean hasOutboxEntry(Path outbox) throws Exception {
        if (!Files.isDirectory(outbox)) {
            return false;
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".json"));
        }
    }

    @Override
    public void close() throws Exception {
        hold.release();
        try {
            if (fleet != null) {
                fleet.close();
            }
            operator.close();
        } finally {
            backend.close();
            broker.close();
        }
    }
}
