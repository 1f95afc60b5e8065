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
 * the same stall go to DEBUG.
 */
final class ProjectionProgress {
    private static final Logger LOG = LoggerFactory.getLogger(StreamProjector.class);

    private final String stream;
    private final Clock clock;
    private Instant lastBatchAt;
    private Instant stalledSince;
    private long stalledNanos;
    private String reason;

    ProjectionProgress(String stream, Clock clock) {
        this.stream = stream;
        this.clock = clock;
    }

    /** The projector cannot make progress because of {@code why}; logged at WARN when a stall begins. */
    synchronized void stalled(String why) {
        if (stalledSince != null) {
            LOG.debug("{} projection still stalled: {}", stream, why);
            return;
        }
        stalledSince = clock.instant();
        stalledNanos = System.nanoTime();
        reason = why;
        LOG.warn("{} projection stalled: {}", stream, why);
    }

    /** The projector can make progress again; ends a stall with one INFO line saying how long it lasted. */
    synchronized void flowing() {
        if (stalledSince == null) {
            return;
        }
        double seconds = (System.nanoTime() - stalledNanos) / 1e9;
        LOG.info("{} projection resumed after {} s stalled ({})", stream, String.format(Locale.ROOT, "%.1f", seconds),
                reason);
        stalledSince = null;
        reason = null;
    }

    /** A batch was written and acked. */
    synchronized void batchWritten() {
        lastBatchAt = clock.instant();
        flowing();
    }

    /** The reading for health, with {@code unprojected} from the consumer (null when the broker cannot be asked). */
    synchronized ProjectionLag lag(Long unprojected) {
        long stalledSecs = stalledSince == null ? 0
                : Math.max(0, Duration.between(stalledSince, clock.instant()).toSeconds());
        return new ProjectionLag(stream, unprojected, lastBatchAt, stalledSince != null, stalledSince, stalledSecs,
                reason);
    }
}
