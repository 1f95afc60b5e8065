package kanade.backend.health;

import java.util.List;
import kanade.backend.projection.HeartbeatIngest;
import kanade.backend.projection.ProjectionLag;
import kanade.backend.projection.StreamProjector;

/** Counters of this backend process's intake since it started (GET /api/stats/ingest). */
public final class IngestStats {
    private final StreamProjector<?> results;
    private final StreamProjector<?> audit;
    private final HeartbeatIngest heartbeats;

    public IngestStats(StreamProjector<?> results, StreamProjector<?> audit, HeartbeatIngest heartbeats) {
        this.results = results;
        this.audit = audit;
        this.heartbeats = heartbeats;
    }

    /** The counters now. */
    public Snapshot snapshot() {
        return new Snapshot(results.stats().projected(), results.stats().deadLettered(), results.stats().dbFailures(),
                results.stats().redelivered(), audit.stats().projected(), audit.stats().deadLettered(),
                audit.stats().redelivered(), heartbeats.written());
    }

    /** Each projector's lag and stall state now (asks the broker for the consumers' counts). */
    public List<ProjectionLag> projection() {
        return List.of(results.lag(), audit.lag());
    }

    /** One reading. */
    public record Snapshot(long resultsProjected, long resultsDeadLettered, long resultsDbFailures,
                           long resultsRedelivered, long auditProjected, long auditDeadLettered, long auditRedelivered,
                           long heartbeatRows) {
    }
}
