package kanade.backend.projection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One projector's progress as health shows it: when it last wrote a batch, and whether, since when and why it is
 * stalled. A stall is logged once at WARN when it begins and once at INFO when it ends, with its length; repeats of
 * the same stall go to DEBUG. A broker stall ends when the broker answers again, a database stall only when a batch
 * is written.
 */
final class ProjectionProgress {
    private static final Logger LOG = LoggerFactory.getLogger(StreamProjector.class);

    private final String stream;
    private final Clock clock;
    private Instant lastBatchAt;
    private Instant stalledSince;
    private long stalledNanos;
    private String reason;
    private boolean databaseStall;

    ProjectionProgress(String stream, Clock clock) {
        this.stream = stream;
        this.clock = clock;
    }

    /** The broker cannot be read ({@code why} in plain words for health, {@code detail} for the log only). */
    void brokerStalled(String why, String detail) {
        stalled(why, detail, false);
    }

    /** A batch could not be written ({@code detail} for the log only). */
    void databaseStalled(String detail) {
        stalled("the database write fails", detail, true);
    }

    private synchronized void stalled(String why, String detail, boolean database) {
        String line = detail.isEmpty() ? why : why + " (" + detail + ")";
        if (stalledSince != null) {
            LOG.debug("{} projection still stalled: {}", stream, line);
            return;
        }
        stalledSince = clock.instant();
        stalledNanos = System.nanoTime();
        reason = why;
        databaseStall = database;
        LOG.warn("{} projection stalled: {}", stream, line);
    }

    /** The broker answered; ends a broker stall with one INFO line saying how long it lasted. */
    synchronized void brokerAnswered() {
        if (!databaseStall) {
            end();
        }
    }

    /** A batch was written and acked; ends any stall. */
    synchronized void batchWritten() {
        lastBatchAt = clock.instant();
        end();
    }

    private void end() {
        if (stalledSince == null) {
            return;
        }
        double seconds = (System.nanoTime() - stalledNanos) / 1e9;
        LOG.info("{} projection resumed after {} s stalled ({})", stream, String.format(Locale.ROOT, "%.1f", seconds),
                reason);
        stalledSince = null;
        reason = null;
    }

    /** The reading for health, with {@code unprojected} from the consumer (null when the broker cannot be asked). */
    synchronized ProjectionLag lag(Long unprojected) {
        long stalledSecs = stalledSince == null ? 0
                : Math.max(0, Duration.between(stalledSince, clock.instant()).toSeconds());
        return new ProjectionLag(stream, unprojected, lastBatchAt, stalledSince != null, stalledSince, stalledSecs,
                reason);
    }
}
