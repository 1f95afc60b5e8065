package kanade.backend.store;

import java.time.Instant;
import java.util.List;
import kanade.protocol.wire.AuditEvent;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** audit_log: idempotent inserts keyed by stream sequence, and the query behind /api/audit. */
public final class AuditStore {
    private static final String TABLE = "audit_log";
    private static final String COLUMNS = "stream_seq, actor, action, target, payload, occurred_at, recorded_at";
    private final Database db;

    public AuditStore(Database db) {
        this.db = db;
    }

    /** Filters for listing audit events; null means no filter. */
    public record AuditQuery(String actor, String action, Instant since, int limit, int offset) {
    }

    /** Inserts rows inside the caller's transaction; a sequence already stored is skipped. */
    public int insert(Handle handle, List<StoredAudit> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        PreparedBatch batch = handle.prepareBatch("insert into " + TABLE + " (" + COLUMNS + ") values (:seq, :actor, "
                + ":action, :target, :payload, :occurred_at, :recorded_at) on conflict (stream_seq) do nothing");
        for (StoredAudit row : rows) {
            AuditEvent e = row.event();
            batch.bind("seq", row.streamSeq()).bind("actor", e.actor()).bind("action", e.action())
                    .bind("target", e.target()).bind("payload", e.payload()).bind("occurred_at", e.occurredAt())
                    .bind("recorded_at", row.recordedAt()).add();
        }
        return Batches.execute(batch);
    }

    /** A page of audit events, newest first. */
    public Page<StoredAudit> query(AuditQuery q) {
        PagedQuery query = PagedQuery.from(TABLE)
                .where("actor = :actor", "actor", q.actor())
                .where("action = :action", "action", q.action())
                .where("occurred_at >= :since", "since", q.since())
                .orderBy("occurred_at desc, stream_seq desc");
        return db.jdbi().withHandle(h -> query.page(h, COLUMNS, StoredAudit.class, q.limit(), q.offset()));
    }

    /** Deletes up to {@code batch} events that occurred before {@code cutoff}; returns how many. */
    public int pruneBefore(Instant cutoff, int batch) {
        return db.jdbi().withHandle(h -> h.createUpdate("delete from " + TABLE + " where stream_seq in "
                        + "(select stream_seq from " + TABLE + " where occurred_at < :cutoff limit :batch)")
                .bind("cutoff", cutoff).bind("batch", batch).execute());
    }
}
