package kanade.agent.policy;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import kanade.protocol.subject.SubjectToken;

/**
 * What the fleet may change while an agent runs: its group memberships (it listens on {@code commands.group.<g>}
 * for each), its heartbeat cadence and how many scripts it runs at once ({@code max_local_concurrent}; null = the
 * machine's CPU count). Immutable; the {@link PolicySupervisor} swaps whole values. Inventory cadences and
 * target_version join this record with the layered-config feature.
 */
public record FleetPolicy(List<String> groups, Duration heartbeatInterval, Integer maxConcurrentJobs) {
    /** Heartbeat cadence when nothing else says (kanade's 30 s). */
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(30);

    public FleetPolicy {
        groups = groups == null ? List.of() : List.copyOf(new TreeSet<>(groups));
        groups.forEach(g -> SubjectToken.require(g, "group"));
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new IllegalArgumentException("heartbeat interval must be positive, got " + heartbeatInterval);
        }
        if (maxConcurrentJobs != null && maxConcurrentJobs < 1) {
            throw new IllegalArgumentException("max_local_concurrent must be at least 1, got " + maxConcurrentJobs);
        }
    }

    /** No groups, the default cadence. */
    public static FleetPolicy defaults() {
        return new FleetPolicy(List.of(), DEFAULT_HEARTBEAT_INTERVAL, null);
    }

    /** A copy with these group memberships (sorted, duplicates dropped). */
    public FleetPolicy withGroups(List<String> newGroups) {
        return new FleetPolicy(newGroups, heartbeatInterval, maxConcurrentJobs);
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
        return new FleetPolicy(groups, interval, maxConcurrentJobs);
    }

    /** A copy with another job budget (null = the CPU count). */
    public FleetPolicy withMaxConcurrentJobs(Integer max) {
        return new FleetPolicy(groups, heartbeatInterval, max);
    }

    /** The job budget in force: {@code max_local_concurrent}, else this machine's CPU count. */
    public int effectiveMaxConcurrentJobs() {
        return maxConcurrentJobs != null ? maxConcurrentJobs : Runtime.getRuntime().availableProcessors();
    }
}
