package kanade.protocol.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** Who did what to which target, published on {@code audit.<actor>.<action>[.<target>]}. */
public record AuditEvent(String actor, String action, String target, JsonNode payload, Instant occurredAt) {
    public AuditEvent {
        Fields.requiredText(actor, "actor");
        Fields.requiredText(action, "action");
        Fields.required(occurredAt, "occurred_at");
    }
}
