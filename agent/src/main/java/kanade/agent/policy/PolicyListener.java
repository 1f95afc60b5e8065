package kanade.agent.policy;

/** A component that reacts to a fleet policy change in place (re-times a cadence, adds a subscription, ...). */
@FunctionalInterface
public interface PolicyListener {
    /** Called with the old and the new policy, one change at a time, in the order the changes were made. */
    void policyChanged(FleetPolicy previous, FleetPolicy current);
}
