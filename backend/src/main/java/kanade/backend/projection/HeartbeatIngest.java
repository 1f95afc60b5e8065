package kanade.backend.projection;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import kanade.backend.store.AgentStore;
import kanade.protocol.subject.Subjects;
import kanade.protocol.wire.Heartbeat;
import kanade.protocol.wire.Json;
import kanade.protocol.wire.WireFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes {@code heartbeat.>} in a queue group (so several backends don't double-write) and micro-batches the
 * newest beat per pc into the agents table every second or every 1,000 pcs. Two instance_ids for one pc_id inside a
 * batch (or against a live stored one) flag the pc as claimed twice.
 */
public final class HeartbeatIngest implements AutoCloseable {
    /** Queue group shared by every backend replica. */
    public static final String QUEUE_GROUP = "kanade-backend";
    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatIngest.class);

    private final Connection connection;
    private final AgentStore agents;
    private final Clock clock;
    private final Duration flushEvery;
    private final int maxBatch;
    private final Duration liveWindow;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition full = lock.newCondition();
    private final Map<String, Heartbeat> pending = new HashMap<>();
    private final Map<String, String> conflicts = new HashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong failedFlushes = new AtomicLong();
    private Dispatcher dispatcher;
    private Thread flusher;

    public HeartbeatIngest(Connection connection, AgentStore agents, Clock clock, Duration flushEvery, int maxBatch,
                           Duration liveWindow) {
        this.connection = connection;
        this.agents = agents;
        this.clock = clock;
        this.flushEvery = flushEvery;
        this.maxBatch = maxBatch;
        this.liveWindow = liveWindow;
    }

    /** Subscribes and starts the flusher. */
    public HeartbeatIngest start() {
        dispatcher = connection.createDispatcher(this::onMessage);
        dispatcher.subscribe(Subjects.HEARTBEAT_WILDCARD, QUEUE_GROUP);
        flusher = Thread.ofVirtual().name("heartbeat-flusher").start(this::flushLoop);
        return this;
    }

    /** Rows written so far. */
    public long written() {
        return written.get();
    }

    /** Well-formed heartbeats taken off the subject so far (several beats of one pc count once each). */
    public long received() {
        return received.get();
    }

    /** Micro-batches committed so far. */
    public long batches() {
        return batches.get();
    }

    /** Flushes that failed and kept their beats for the next flush. */
    public long failedFlushes() {
        return failedFlushes.get();
    }

    private void onMessage(Message message) {
        Heartbeat beat;
        try {
            beat = Json.decode(message.getData(), Heartbeat.class);
        } catch (WireFormatException e) {
            LOG.debug("ignored malformed heartbeat on {}: {}", message.getSubject(), e.getMessage());
            return;
        }
        lock.lock();
        try {
            Heartbeat previous = pending.put(beat.pcId(), beat);
            received.incrementAndGet();
            if (previous != null && previous.instanceId() != null && beat.instanceId() != null
                    && !previous.instanceId().equals(beat.instanceId())) {
                conflicts.put(beat.pcId(), previous.instanceId());
            }
            if (pending.size() >= maxBatch) {
                full.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    private void flushLoop() {
        while (running.get()) {
            try {
                lock.lock();
                try {
                    if (pending.size() < maxBatch) {
                        full.await(flushEvery.toMillis(), TimeUnit.MILLISECONDS);
                    }
                } finally {
                    lock.unlock();
                }
                flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Writes what is pending now; on a database error the beats are kept for the next flush. */
    public void flush() {
        Map<String, Heartbeat> batch;
        Map<String, String> batchConflicts;
        lock.lock();
        try {
            if (pending.isEmpty()) {
                return;
            }
            batch = new HashMap<>(pending);
            batchConflicts = new HashMap<>(conflicts);
            pending.clear();
            conflicts.clear();
        } finally {
            lock.unlock();
        }
        try {
            written.addAndGet(agents.upsertHeartbeats(batch.values(), liveWindow, clock.instant()));
            batchConflicts.forEach((pc, other) -> {
                LOG.warn("pc_id {} is claimed by two live agents (instances {} and {})", pc, other, batch.get(pc).instanceId());
                agents.flagConflict(pc, other, clock.instant());
            });
            batches.incrementAndGet();
        } catch (RuntimeException e) {
            failedFlushes.incrementAndGet();
            LOG.warn("heartbeat flush of {} agents failed ({}); keeping them for the next flush", batch.size(), e.getMessage());
            lock.lock();
            try {
                batch.forEach(pending::putIfAbsent);
                batchConflicts.forEach(conflicts::putIfAbsent);
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        if (dispatcher != null) {
            connection.closeDispatcher(dispatcher);
        }
        if (flusher != null) {
            flusher.interrupt();
            flusher.join(5000);
        }
        flush();
    }
}
