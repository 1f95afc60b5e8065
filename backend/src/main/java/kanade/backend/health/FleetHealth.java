package kanade.backend.health;

import io.nats.client.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kanade.backend.store.AgentStore;
import kanade.backend.store.ResultStore;
import kanade.runtime.jetstream.BucketSpec;
import kanade.runtime.jetstream.JetStreamLayout;
import kanade.runtime.jetstream.StreamSpec;

/**
 * The /api/health/fleet rollup: agents known/active/stale (active = heartbeat within 2 min), JetStream resources
 * present, results and failures of the last 24 h. Degraded when a resource is missing or no known agent is active.
 */
public final class FleetHealth {
    /** An agent counts as active when its last heartbeat is this recent. */
    public static final Duration ACTIVE_WINDOW = Duration.ofMinutes(2);
    private static final int WINDOW_HOURS = 24;

    private final Connection connection;
    private final JetStreamLayout layout;
    private final AgentStore agents;
    private final ResultStore results;
    private final Clock clock;

    public FleetHealth(Connection connection, JetStreamLayout layout, AgentStore agents, ResultStore results, Clock clock) {
        this.connection = connection;
        this.layout = layout;
        this.agents = agents;
        this.results = results;
        this.clock = clock;
    }

    /** The rollup; {@code status} is ok, unknown (no agents yet) or degraded. */
    public record Report(String status, Agents agents, JetStream jetstream, RecentResults recentResults, Instant observedAt) {
        /** Whether the HTTP answer is 503. */
        public boolean degraded() {
            return "degraded".equals(status);
        }
    }

    public record Agents(long known, long active, long stale) {
    }

    public record JetStream(boolean allOk, int healthy, int total, List<String> missing) {
    }

    public record RecentResults(int windowHours, long total, long failed) {
    }

    /** Computes the report now. */
    public Report observe() {
        Instant now = clock.instant();
        long[] counts = agents.counts(now.minus(ACTIVE_WINDOW));
        Agents agentCounts = new Agents(counts[0], counts[1], counts[0] - counts[1]);
        JetStream js = jetStream();
        long[] recent = results.countSince(now.minus(Duration.ofHours(WINDOW_HOURS)));
        String status;
        if (!js.allOk() || (agentCounts.known() > 0 && agentCounts.active() == 0)) {
            status = "degraded";
        } else {
            status = agentCounts.known() == 0 ? "unknown" : "ok";
        }
        return new Report(status, agentCounts, js, new RecentResults(WINDOW_HOURS, recent[0], recent[1]), now);
    }

    private JetStream jetStream() {
        List<String> expected = new ArrayList<>();
        layout.streams().stream().map(StreamSpec::name).forEach(expected::add);
        layout.buckets().stream().map(BucketSpec::name).map(b -> "KV_" + b).forEach(expected::add);
        layout.objectStores().stream().map(o -> "OBJ_" + o).forEach(expected::add);
        Set<String> present;
        try {
            present = new HashSet<>(connection.jetStreamManagement().getStreamNames());
        } catch (Exception e) {
            present = Set.of();
        }
        List<String> missing = new ArrayList<>();
        for (String name : expected) {
            if (!present.contains(name)) {
                missing.add(name);
            }
        }
        return new JetStream(missing.isEmpty(), expected.size() - missing.size(), expected.size(), missing);
    }
}
