package kanade.agent.heartbeat;

import io.nats.client.Connection;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import kanade.protocol.subject.Subjects;
import kanade.protocol.wire.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes a Heartbeat on {@code heartbeat.<pc_id>} (core NATS) right away and then every interval. */
public final class HeartbeatPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatPublisher.class);

    private final Connection connection;
    private final HeartbeatSource source;
    private final ScheduledExecutorService timers;
    private final ExecutorService workers;
    private final String subject;
    private final ReentrantLock lock = new ReentrantLock();
    private ScheduledFuture<?> schedule;

    public HeartbeatPublisher(Connection connection, HeartbeatSource source, ScheduledExecutorService timers,
                              ExecutorService workers, String pcId) {
        this.connection = connection;
        this.source = source;
        this.timers = timers;
        this.workers = workers;
        this.subject = Subjects.heartbeat(pcId);
    }

    /** Starts (or re-times) the cadence; the first beat goes out now. */
    public void start(Duration interval) {
        lock.lock();
        try {
            if (schedule != null) {
                schedule.cancel(false);
            }
            schedule = timers.scheduleAtFixedRate(() -> workers.execute(this::beat), 0, interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        } finally {
            lock.unlock();
        }
    }

    /** Publishes one heartbeat now. */
    public void beat() {
        try {
            connection.publish(subject, Json.encode(source.now()));
        } catch (RuntimeException e) {
            LOG.debug("heartbeat on {} not sent: {}", subject, e.toString());
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (schedule != null) {
                schedule.cancel(false);
                schedule = null;
            }
        } finally {
            lock.unlock();
        }
    }
}
