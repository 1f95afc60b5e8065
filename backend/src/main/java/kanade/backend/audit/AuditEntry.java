package kanade.backend.audit;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import kanade.protocol.wire.AuditEvent;

/** An audit event as the API shows it: the event plus {@code id}, its sequence in the AUDIT stream. */
public record AuditEntry(long id, @JsonUnwrapped AuditEvent event) {
}
