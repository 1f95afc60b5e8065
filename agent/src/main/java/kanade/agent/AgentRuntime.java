package kanade.agent;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The executors and clock that every agent in this JVM shares: one real agent process has one agent, the simulator
 * has thousands. Blocking work runs on named virtual threads; timers on a small platform pool.
 */
public final class AgentRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgentRuntime.class);

    private final ExecutorService virtualThreads;
    private final ScheduledExecutorService timers;
    private final Clock clock;
    private final AtomicBoolean closed = new AtomicBoolean();

    private AgentRuntime(ExecutorService virtualThreads, ScheduledExecutorService timers, Clock clock) {
        this.virtualThreads = virtualThreads;
        this.timers = timers;
        this.clock = clock;
    }

    /** A runtime with {@code timerThreads} platform timer threads and the system clock. */
    public static AgentRuntime create(int timerThreads) {
        ExecutorService vt = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("agent-vt-", 0)
                .uncaughtExceptionHandler((t, e) -> LOG.error("{} died", t.getName(), e)).factory());
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(timerThreads, Thread.ofPlatform()
                .name("agent-timer-", 0).daemon(true)
                .uncaughtExceptionHandler((t, e) -> LOG.error("{} died", t.getName(), e)).factory());
        timers.setRemoveOnCancelPolicy(true);
        return new AgentRuntime(vt, timers, Clock.systemUTC());
    }

    /** Virtual-thread executor for jobs, NATS connection threads and callbacks. */
    public ExecutorService virtualThreads() {
        return virtualThreads;
    }

    /** Timer pool for heartbeats and timeouts; tasks must only hand off to {@link #virtualThreads()}. */
    public ScheduledExecutorService timers() {
        return timers;
    }

    /** The clock every agent reads. */
    public Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        timers.shutdownNow();
        virtualThreads.shutdown();
        try {
            if (!virtualThreads.awaitTermination(5, TimeUnit.SECONDS)) {
                virtualThreads.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            virtualThreads.shutdownNow();
        }
    }
}
