package kanade.sim.fault;

/**
 * What a fault left in the database: results expected, stored (distinct (request_id, pc_id): results are keyed by
 * result_id, so a job run twice would show as a second row for the same pair), duplicated (rows beyond one per pair)
 * and lost (expected pairs with no row).
 */
record Tally(long expected, long stored, long duplicated, long lost) {
    static final Tally NONE = new Tally(0, 0, 0, 0);

    /** From the rows and distinct pc_ids stored for one request that {@code expected} agents should answer. */
    static Tally of(long expected, long rows, long distinctPcs) {
        return new Tally(expected, distinctPcs, rows - distinctPcs, Math.max(0, expected - distinctPcs));
    }

    Tally plus(Tally other) {
        return new Tally(expected + other.expected, stored + other.stored, duplicated + other.duplicated,
                lost + other.lost);
    }
}
