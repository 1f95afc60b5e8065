package kanade.backend.store;

/**
 * A count of rows and how many of them matched a condition (columns {@code total} and {@code matching}); public only
 * because Jdbi's constructor mapper needs a public constructor.
 */
public record Tally(long total, long matching) {

    /** {total, matching}, the shape the health rollup reads. */
    long[] asArray() {
        return new long[] {total, matching};
    }
}
