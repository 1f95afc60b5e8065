package kanade.runtime.lifecycle;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts components in the order given and stops them in reverse. A start that fails stops what already started and
 * rethrows; {@link #stop} runs every stop even when one fails, collecting the failures with {@code addSuppressed}.
 */
public final class ComponentStack {
    private static final Logger LOG = LoggerFactory.getLogger(ComponentStack.class);

    private final String owner;
    private final List<Component> components;
    private final Deque<Component> started = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicBoolean stopped = new AtomicBoolean();

    public ComponentStack(String owner, List<Component> components) {
        this.owner = owner;
        this.components = List.copyOf(components);
    }

    /** Starts every component in order; on failure stops the started ones (reverse) and rethrows. */
    public void start() throws Exception {
        lock.lock();
        try {
            for (Component component : components) {
                try {
                    component.start();
                    started.push(component);
                } catch (Exception e) {
                    LOG.debug("{} - {} failed to start: {}", owner, component.name(), e.toString());
                    try {
                        stopStarted();
                    } catch (Exception stopFailure) {
                        e.addSuppressed(stopFailure);
                    }
                    throw e;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Stops the started components in reverse order, once; throws the first failure with the rest suppressed. */
    public void stop() throws Exception {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        lock.lock();
        try {
            stopStarted();
        } finally {
            lock.unlock();
        }
    }

    private void stopStarted() throws Exception {
        Exception failure = null;
        while (!started.isEmpty()) {
            Component component = started.pop();
            try {
                component.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = collect(failure, e);
            } catch (Exception e) {
                LOG.warn("{} - {} did not stop cleanly: {}", owner, component.name(), e.toString());
                failure = collect(failure, e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static Exception collect(Exception first, Exception next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }
}
