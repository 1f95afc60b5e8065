package kanade.backend.projection;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of one projector, for logs, health and benchmarks. */
public final class ProjectorStats {
    final AtomicLong projected = new AtomicLong();
    final AtomicLong deadLettered = new AtomicLong();
    final AtomicLong batches = new AtomicLong();
    final AtomicLong dbFailures = new AtomicLong();
    final AtomicLong resubscribes = new AtomicLong();
    final AtomicLong redelivered = new AtomicLong();

    /** Messages written and acked. */
    public long projected() {
        return projected.get();
    }

    /** Messages sent to the dead-letter table. */
    public long deadLettered() {
        return deadLettered.get();
    }

    /** Batches committed. */
    public long batches() {
        return batches.get();
    }

    /** Batches NAKed because the database failed. */
    public long dbFailures() {
        return dbFailures.get();
    }

    /** Messages that came more than once (NAKed after a database failure, or not acked within the ack wait). */
    public long redelivered() {
        return redelivered.get();
    }
}
