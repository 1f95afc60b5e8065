package kanade.sim.bench;

import java.util.Arrays;

/** p50/p95/p99 of a set of millisecond latencies. */
public record Percentiles(long p50, long p95, long p99, long max) {

    /** Computes percentiles (nearest rank) of {@code millis}. */
    public static Percentiles of(long[] millis) {
        if (millis.length == 0) {
            return new Percentiles(0, 0, 0, 0);
        }
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new Percentiles(rank(sorted, 50), rank(sorted, 95), rank(sorted, 99), sorted[sorted.length - 1]);
    }

    private static long rank(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
