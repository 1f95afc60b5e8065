package kanade.sim.fault;

import java.time.Duration;

/** Waiting on conditions, never for a fixed time: polls with a short pause until the condition holds or time is up. */
final class Waits {
    /** A condition that may read a database or a file. */
    interface Check {
        boolean holds() throws Exception;
    }

    /** Thrown when a fault's precondition is not reached in time; the fault's row then says what was not reached. */
    static final class NotReached extends IllegalStateException {
        NotReached(String message) {
            super(message);
        }
    }

    private Waits() {
    }

    /** Waits until {@code check} holds, polling every 2 to 100 ms; false when {@code timeout} passed first. */
    static boolean within(Duration timeout, Check check) throws Exception {
        return poll(timeout, check, 2, 100);
    }

    /** Like {@link #within} with a fixed 2 ms poll, for a moment that passes quickly (mid-ingest). */
    static boolean closely(Duration timeout, Check check) throws Exception {
        return poll(timeout, check, 2, 2);
    }

    /** Waits until {@code check} holds, or throws {@link NotReached} naming {@code what}. */
    static void until(String what, Duration timeout, Check check) throws Exception {
        if (!within(timeout, check)) {
            throw new NotReached(what + " not reached within " + timeout.toSeconds() + " s");
        }
    }

    private static boolean poll(Duration timeout, Check check, long firstPauseMs, long maxPauseMs) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = firstPauseMs;
        while (!check.holds()) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(pause);
            pause = Math.min(pause * 2, maxPauseMs);
        }
        return true;
    }
}
