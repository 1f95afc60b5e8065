package kanade.agent.policy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns one agent's current {@link FleetPolicy} and tells its components about every change, one change at a time
 * (thread-safe: concurrent updates are applied in turn, each listener sees them in order). The fleet-policy feature
 * feeds it from the agent_groups / agent_config KV buckets; tests and the simulator call {@link #update} directly.
 */
public final class PolicySupervisor {
    private static final Logger LOG = LoggerFactory.getLogger(PolicySupervisor.class);

    private final String pcId;
    private final List<PolicyListener> listeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private volatile FleetPolicy current;

    public PolicySupervisor(String pcId, FleetPolicy initial) {
        this.pcId = pcId;
        this.current = initial;
    }

    /** The policy in force now. */
    public FleetPolicy current() {
        return current;
    }

    /** Registers a component to be told about later changes (it reads {@link #current()} when it starts). */
    public void listen(PolicyListener listener) {
        listeners.add(listener);
    }

    /** Stops telling {@code listener} about changes. */
    public void unlisten(PolicyListener listener) {
        listeners.remove(listener);
    }

    /**
     * Applies {@code change} to the current policy and, when the result differs, tells every listener before
     * returning (so a caller that adds a group can rely on the subscription being in place). Returns the new policy.
     */
    public FleetPolicy update(UnaryOperator<FleetPolicy> change) {
        lock.lock();
        try {
            FleetPolicy previous = current;
            FleetPolicy next = change.apply(previous);
            if (next.equals(previous)) {
                return previous;
            }
            current = next;
            LOG.info("{} - fleet policy changed: groups {} -> {}, heartbeat {} -> {}", pcId, previous.groups(),
                    next.groups(), previous.heartbeatInterval(), next.heartbeatInterval());
            for (PolicyListener listener : listeners) {
                try {
                    listener.policyChanged(previous, next);
                } catch (RuntimeException e) {
                    LOG.error("{} - a component failed to apply the policy change: {}", pcId, e.toString(), e);
                }
            }
            return next;
        } finally {
            lock.unlock();
        }
    }
}
