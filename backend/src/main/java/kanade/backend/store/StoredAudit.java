package kanade.backend.store;

import java.time.Instant;
import kanade.protocol.wire.AuditEvent;

/** An audit event as projected, keyed by its AUDIT stream sequence. */
public record StoredAudit(long streamSeq, AuditEvent event, Instant recordedAt) {
}
