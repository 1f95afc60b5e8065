package kanade.backend.store;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Prunes results and audit events past their retention, in small batches so writers are never blocked for long. */
public final class Retention implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    private static final int BATCH = 1000;

    private final ResultStore results;
    private final AuditStore audit;
    private final Duration keepResults;
    private final Duration keepAudit;
    private final Clock clock;
    private ScheduledFuture<?> schedule;

    public Retention(ResultStore results, AuditStore audit, Duration keepResults, Duration keepAudit, Clock clock) {
        this.results = results;
        this.audit = audit;
        this.keepResults = keepResults;
        this.keepAudit = keepAudit;
        this.clock = clock;
    }

    /** Runs a pass now and then every {@code every}. */
    public Retention start(ScheduledExecutorService timers, Duration every) {
        schedule = timers.scheduleWithFixedDelay(this::runOnce, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One full pass; returns rows deleted. */
    public long runOnce() {
        long deleted = 0;
        try {
            int n;
            do {
                n = results.pruneBefore(clock.instant().minus(keepResults), BATCH);
                deleted += n;
            } while (n == BATCH);
            do {
                n = audit.pruneBefore(clock.instant().minus(keepAudit), BATCH);
                deleted += n;
            } while (n == BATCH);
            if (deleted > 0) {
                LOG.info("retention pruned {} rows (results older than {} d, audit older than {} d)", deleted,
                        keepResults.toDays(), keepAudit.toDays());
            }
        } catch (RuntimeException e) {
            LOG.warn("retention pass failed: {}", e.getMessage());
        }
        return deleted;
    }

    @Override
    public void close() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }
}
