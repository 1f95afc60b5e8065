package kanade.backend.health;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.nats.client.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import kanade.backend.projection.ProjectionLag;
import kanade.backend.store.AgentStore;
import kanade.backend.store.ResultStore;
import kanade.runtime.jetstream.BucketSpec;
import kanade.runtime.jetstream.JetStreamLayout;
import kanade.runtime.jetstream.StreamSpec;

/**
 * The /api/health/fleet rollup: agents known/active/stale (active = heartbeat within 2 min), JetStream resources
 * present, results and failures of the last 24 h, each projector's lag. Degraded when a resource is missing, no known
 * agent is active, or a projector has been stalled longer than {@link #STALL_LIMIT}.
 */
public final class FleetHealth {
    /** An agent counts as active when its last heartbeat is this recent. */
    public static final Duration ACTIVE_WINDOW = Duration.ofMinutes(2);
    /** A projector stalled longer than this makes the fleet degraded. */
    public static final Duration STALL_LIMIT = Duration.ofSeconds(30);
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
    public record Report(String status, Agents agents, JetStream jetstream, RecentResults recentResults,
                         @JsonPropertyDescription("Per projected stream (RESULTS, AUDIT): messages not projected yet, "
                                 + "the last batch written, and whether the projector is stalled (degraded after 30 s)")
                         List<ProjectionLag> projection,
                         Instant observedAt) {
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

    /** Computes the report now, with the projectors' lag from {@code projection}. */
    public Report observe(Supplier<List<ProjectionLag>> projection) {
        Instant now = clock.instant();
        long[] counts = agents.counts(now.minus(ACTIVE_WINDOW));
        Agents agentCounts = new Agents(counts[0], counts[1], counts[0] - counts[1]);
        JetStream js = jetStream();
        long[] recent = results.countSince(now.minus(Duration.ofHours(WINDOW_HOURS)));
        List<ProjectionLag> lags = projection.get();
        return new Report(status(js, agentCounts, lags), agentCounts, js,
                new RecentResults(WINDOW_HOURS, recent[0], recent[1]), lags, now);
    }

    /** ok, unknown (no agents yet) or degraded (a resource missing, no known agent active, a projector stalled). */
    static String status(JetStream js, Agents agents, List<ProjectionLag> projection) {
        boolean stalled = projection.stream().anyMatch(lag -> lag.stalledSecs() > STALL_LIMIT.toSeconds());
        if (!js.allOk() || (agents.known() > 0 && agents.active() == 0) || stalled) {
            return "degraded";
        }
        return agents.known() == 0 ? "unknown" : "ok";
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
