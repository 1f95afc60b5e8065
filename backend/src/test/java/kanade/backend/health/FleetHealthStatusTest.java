package kanade.backend.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import kanade.backend.projection.ProjectionLag;
import org.junit.jupiter.api.Test;

/** The rollup's verdict: a projector stalled past the limit degrades the fleet; a short stall does not. */
class FleetHealthStatusTest {
    private static final FleetHealth.JetStream ALL_PRESENT = new FleetHealth.JetStream(true, 12, 12, List.of());
    private static final FleetHealth.Agents ONE_ACTIVE = new FleetHealth.Agents(1, 1, 0);
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void aProjectorStalledPastTheLimitDegradesTheFleet() {
        long limit = FleetHealth.STALL_LIMIT.toSeconds();
        assertThat(FleetHealth.status(ALL_PRESENT, ONE_ACTIVE, List.of(flowing(), stalled(limit)))).isEqualTo("ok");
        assertThat(FleetHealth.status(ALL_PRESENT, ONE_ACTIVE, List.of(flowing(), stalled(limit + 1))))
                .isEqualTo("degraded");
        assertThat(FleetHealth.status(ALL_PRESENT, new FleetHealth.Agents(0, 0, 0), List.of(stalled(limit + 1))))
                .isEqualTo("degraded");
    }

    @Test
    void withoutStallsTheExistingVerdictsHold() {
        assertThat(FleetHealth.status(ALL_PRESENT, new FleetHealth.Agents(0, 0, 0), List.of(flowing())))
                .isEqualTo("unknown");
        assertThat(FleetHealth.status(ALL_PRESENT, new FleetHealth.Agents(3, 0, 3), List.of(flowing())))
                .isEqualTo("degraded");
        assertThat(FleetHealth.status(new FleetHealth.JetStream(false, 11, 12, List.of("AUDIT")), ONE_ACTIVE,
                List.of(flowing()))).isEqualTo("degraded");
    }

    private static ProjectionLag flowing() {
        return new ProjectionLag("AUDIT", 0L, NOW, false, null, 0, null);
    }

    private static ProjectionLag stalled(long seconds) {
        return new ProjectionLag("RESULTS", null, NOW.minusSeconds(seconds + 5), true, NOW.minusSeconds(seconds),
                seconds, "the broker connection is lost");
    }
}
