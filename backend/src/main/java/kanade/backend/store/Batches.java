package kanade.backend.store;

import org.jdbi.v3.core.statement.PreparedBatch;

/** Runs a prepared batch and adds up the rows it wrote (a conflict that did nothing counts 0). */
final class Batches {
    private Batches() {
    }

    /** Executes {@code batch}; returns rows written. */
    static int execute(PreparedBatch batch) {
        int written = 0;
        for (int count : batch.execute()) {
            written += Math.max(count, 0);
        }
        return written;
    }
}
