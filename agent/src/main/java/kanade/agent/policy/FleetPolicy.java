package kanade.agent.policy;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import kanade.protocol.subject.SubjectToken;

/**
 * What the fleet may change while an agent runs: its group memberships (it listens on {@code commands.group.<g>}
 * for each) and its heartbeat cadence. Immutable; the {@link PolicySupervisor} swaps whole values. Inventory
 * cadences, max concurrent jobs and target_version join this record with the layered-config feature.
 */
public record FleetPolicy(List<String> groups, Duration heartbeatInterval) {
    /** Heartbeat cadence when nothing else says (kanade's 30 s). */
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(30);

    public FleetPolicy {
        groups = groups == null ? List.of() : List.copyOf(new TreeSet<>(groups));
        groups.forEach(g -> SubjectToken.require(g, "group"));
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new IllegalArgumentException("heartbeat interval must be positive, got " + heartbeatInterval);
        }
    }

    /** No groups, the default cadence. */
    public static FleetPolicy defaults() {
        return new FleetPolicy(List.of(), DEFAULT_HEARTBEAT_INTERVAL);
    }

    /** A copy with these group memberships (sorted, duplicates dropped). */
    public FleetPolicy withGroups(List<String> newGroups) {
        return new FleetPolicy(newGroups, heartbeatInterval);
    }

    /** A copy that is also a member of {@code group}. */
    public FleetPolicy joining(String group) {
        List<String> more = new java.util.ArrayList<>(groups);
        more.add(group);
        return withGroups(more);
    }

    /** A copy that is no longer a member of {@code group}. */
    public FleetPolicy leaving(String group) {
        return withGroups(groups.stream().filter(g -> !g.equals(group)).toList());
    }

    /** A copy with another heartbeat cadence. */
    public FleetPolicy withHeartbeatInterval(Duration interval) {
        return new FleetPolicy(groups, interval);
    }
}
