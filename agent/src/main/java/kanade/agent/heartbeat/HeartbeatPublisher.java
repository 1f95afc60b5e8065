package kanade.agent.heartbeat;

import io.nats.client.Connection;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import kanade.agent.policy.FleetPolicy;
import kanade.agent.policy.PolicyListener;
import kanade.agent.policy.PolicySupervisor;
import kanade.protocol.subject.Subjects;
import kanade.protocol.wire.Json;
import kanade.runtime.lifecycle.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a Heartbeat on {@code heartbeat.<pc_id>} (core NATS) right away and then at the fleet policy's cadence;
 * a policy change re-times the cadence in place.
 */
public final class HeartbeatPublisher implements Component, PolicyListener {
    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatPublisher.class);

    private final Connection connection;
    private final HeartbeatSource source;
    private final ScheduledExecutorService timers;
    private final ExecutorService workers;
    private final PolicySupervisor policy;
    private final String subject;
    private final ReentrantLock lock = new ReentrantLock();
    private ScheduledFuture<?> schedule;
    private Duration interval;

    public HeartbeatPublisher(Connection connection, HeartbeatSource source, ScheduledExecutorService timers,
                              ExecutorService workers, PolicySupervisor policy) {
        this.connection = connection;
        this.source = source;
        this.timers = timers;
        this.workers = workers;
        this.policy = policy;
        this.subject = Subjects.heartbeat(source.pcId());
    }

    @Override
    public String name() {
        return "heartbeat";
    }

    /** Starts the cadence of the current policy; the first beat goes out now. */
    @Override
    public void start() {
        policy.listen(this);
        lock.lock();
        try {
            schedule(policy.current().heartbeatInterval(), Duration.ZERO);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void policyChanged(FleetPolicy previous, FleetPolicy current) {
        lock.lock();
        try {
            if (schedule == null || current.heartbeatInterval().equals(interval)) {
                return;
            }
            schedule.cancel(false);
            schedule(current.heartbeatInterval(), current.heartbeatInterval());
            LOG.debug("{} re-timed to every {}", subject, interval);
        } finally {
            lock.unlock();
        }
    }

    /** The cadence in force (null when stopped). */
    public Duration interval() {
        lock.lock();
        try {
            return interval;
        } finally {
            lock.unlock();
        }
    }

    private void schedule(Duration every, Duration firstDelay) {
        interval = every;
        schedule = timers.scheduleAtFixedRate(() -> workers.execute(this::beat), firstDelay.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS);
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
    public void stop() {
        policy.unlisten(this);
        lock.lock();
        try {
            if (schedule != null) {
                schedule.cancel(false);
                schedule = null;
            }
            interval = null;
        } finally {
            lock.unlock();
        }
    }
}
