package kanade.agent.exec;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The agent's job budget (kanade's {@code max_local_concurrent}): at most {@link #limit()} scripts run at once; the
 * others wait in arrival order. Waiting does not use up a job's timeout (that starts with the script); a waiting job
 * can be killed, and one whose {@code deadline_at} passes while it waits gives up. The limit may change at any time
 * (fleet policy); a raise admits waiting jobs at once, a cut lets running jobs finish.
 */
public final class AdmissionGate {
    /** How a wait for a slot ended. */
    public enum Admission {
        /** A slot is held: run, then {@link #leave()}. */
        ADMITTED,
        /** The job was stopped (killed, agent shutdown) while it waited. */
        CANCELLED,
        /** Its deadline passed while it waited. */
        EXPIRED
    }

    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private int limit;
    private int running;

    public AdmissionGate(int limit, Clock clock) {
        this.clock = clock;
        this.limit = checked(limit);
    }

    /** Waits for a slot in arrival order until admitted, {@code cancelled} says so, or {@code deadline} (may be null). */
    public Admission enter(Instant deadline, BooleanSupplier cancelled) throws InterruptedException {
        Object ticket = new Object();
        lock.lock();
        try {
            queue.addLast(ticket);
            try {
                while (true) {
                    if (cancelled.getAsBoolean()) {
                        return Admission.CANCELLED;
                    }
                    if (queue.peekFirst() == ticket && running < limit) {
                        queue.pollFirst();
                        running++;
                        return Admission.ADMITTED;
                    }
                    if (deadline == null) {
                        changed.await();
                    } else {
                        long nanos = Duration.between(clock.instant(), deadline).toNanos();
                        if (nanos <= 0) {
                            return Admission.EXPIRED;
                        }
                        changed.awaitNanos(nanos);
                    }
                }
            } finally {
                queue.remove(ticket);
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Gives back the slot of an admitted job. */
    public void leave() {
        lock.lock();
        try {
            running--;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes the waiting jobs so they look at their cancel flag again (after a kill). */
    public void wake() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Changes the limit; waiting jobs are admitted at once when it grows. */
    public void setLimit(int newLimit) {
        lock.lock();
        try {
            limit = checked(newLimit);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The current limit. */
    public int limit() {
        lock.lock();
        try {
            return limit;
        } finally {
            lock.unlock();
        }
    }

    /** Jobs waiting for a slot. */
    public int waiting() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    private static int checked(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("max concurrent jobs must be at least 1, got " + limit);
        }
        return limit;
    }
}
