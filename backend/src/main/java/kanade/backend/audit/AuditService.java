package kanade.backend.audit;

import kanade.backend.store.AuditStore;
import kanade.backend.store.Page;
import kanade.backend.store.StoredAudit;

/** Reads projected audit events for the API. */
public final class AuditService {
    private final AuditStore audit;

    public AuditService(AuditStore audit) {
        this.audit = audit;
    }

    /** Events matching {@code query}, newest first, with the total. */
    public Page<AuditEntry> query(AuditStore.AuditQuery query) {
        Page<StoredAudit> page = audit.query(query);
        return new Page<>(page.items().stream().map(a -> new AuditEntry(a.streamSeq(), a.event())).toList(),
                page.total());
    }
}
