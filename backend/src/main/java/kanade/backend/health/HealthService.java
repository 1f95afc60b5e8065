package kanade.backend.health;

import kanade.protocol.KanadeVersion;

/** Liveness, version, the fleet rollup and this process's intake counters. */
public final class HealthService {
    private final FleetHealth fleet;
    private final IngestStats ingest;

    public HealthService(FleetHealth fleet, IngestStats ingest) {
        this.fleet = fleet;
        this.ingest = ingest;
    }

    /** The body of /api/version. */
    public record VersionInfo(String version) {
    }

    /** This backend's version. */
    public VersionInfo version() {
        return new VersionInfo(KanadeVersion.current());
    }

    /**
     * The fleet rollup now (degraded when a JetStream resource is missing, no known agent is active or a projector
     * has been stalled too long).
     */
    public FleetHealth.Report fleet() {
        return fleet.observe(ingest::projection);
    }

    /** Intake counters since this process started. */
    public IngestStats.Snapshot ingest() {
        return ingest.snapshot();
    }
}
