package kanade.backend.projection;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.Instant;

/** How far one projector is behind its stream, and whether it is stalled; one entry of /api/health/fleet. */
public record ProjectionLag(
        @JsonPropertyDescription("The JetStream stream projected (RESULTS, AUDIT)")
        String stream,
        @JsonPropertyDescription("Messages in the stream not projected yet: the consumer's num_pending plus "
                + "num_ack_pending; absent while the broker cannot be asked")
        Long unprojected,
        @JsonPropertyDescription("When the last batch was written and acked; absent before the first one")
        Instant lastBatchAt,
        @JsonPropertyDescription("Whether the projector cannot make progress now (broker away, consumer gone, "
                + "database failing)")
        boolean stalled,
        @JsonPropertyDescription("Since when it is stalled; absent while it is not")
        Instant stalledSince,
        @JsonPropertyDescription("Seconds it has been stalled; 0 while it is not. Over 30 the fleet is degraded")
        long stalledSecs,
        @JsonPropertyDescription("Why it is stalled; absent while it is not")
        String stallReason) {
}
