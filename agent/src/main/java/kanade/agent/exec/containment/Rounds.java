package kanade.agent.exec.containment;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Repeats a kill round until it reports that nothing of the job is left: SIGKILL is delivered asynchronously and a
 * process may fork between two looks, so ending a job takes a few rounds, a millisecond apart, bounded in time.
 */
final class Rounds {
    /** A process stuck in uninterruptible sleep may never go; past this the job is left as it is, with a log line. */
    static final Duration LIMIT = Duration.ofSeconds(10);
    private static final long PAUSE_NANOS = Duration.ofMillis(1).toNanos();

    private Rounds() {
    }

    /** Runs {@code round} until it returns true (done) or {@link #LIMIT} passed; returns whether it got done. */
    static boolean repeat(BooleanSupplier round) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!round.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(PAUSE_NANOS);
        }
        return true;
    }
}
