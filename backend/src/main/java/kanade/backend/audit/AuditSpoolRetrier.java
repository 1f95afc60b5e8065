package kanade.backend.audit;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import kanade.runtime.audit.AuditPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Retries the spooled audit events of emergency stops (kills) every few seconds until the AUDIT stream takes them. */
public final class AuditSpoolRetrier implements AutoCloseable {
    /** How often the spool is retried. */
    public static final Duration DEFAULT_EVERY = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(AuditSpoolRetrier.class);

    private final AuditPolicy policy;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile ScheduledFuture<?> task;
    private volatile int lastLeft;

    public AuditSpoolRetrier(AuditPolicy policy) {
        this.policy = policy;
    }

    /** Retries on {@code timers} every {@code every}, starting now. */
    public AuditSpoolRetrier start(ScheduledExecutorService timers, Duration every) {
        task = timers.scheduleWithFixedDelay(this::retryOnce, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void retryOnce() {
        try {
            int left = policy.retrySpooled();
            if (left == 0 && lastLeft > 0) {
                LOG.info("every spooled audit event is written now");
            }
            lastLeft = left;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: log and keep retrying
            LOG.warn("retrying spooled audit events failed: {}", e.getMessage());
        }
    }

    /** Stops retrying; what is still spooled stays on disk for the next start. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        ScheduledFuture<?> running = task;
        if (running != null) {
            running.cancel(false);
        }
    }
}
