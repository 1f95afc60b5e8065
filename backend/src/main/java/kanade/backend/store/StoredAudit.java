package kanade.backend.store;

import java.time.Instant;
import kanade.protocol.wire.AuditEvent;
import org.jdbi.v3.core.mapper.Nested;

/** An audit event as projected, keyed by its AUDIT stream sequence. */
public record StoredAudit(long streamSeq, @Nested AuditEvent event, Instant recordedAt) {
}
