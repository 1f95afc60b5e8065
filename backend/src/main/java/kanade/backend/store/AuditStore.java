package kanade.backend.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kanade.protocol.wire.AuditEvent;
import kanade.protocol.wire.Json;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/** audit_log: idempotent inserts keyed by stream sequence, and the query behind /api/audit. */
public final class AuditStore {
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
        PreparedBatch batch = handle.prepareBatch("insert into audit_log (stream_seq, actor, action, target, payload, "
                + "occurred_at, recorded_at) values (:seq, :actor, :action, :target, :payload, :occurred_at, :recorded_at) "
                + "on conflict (stream_seq) do nothing");
        for (StoredAudit row : rows) {
            AuditEvent e = row.event();
            batch.bind("seq", row.streamSeq()).bind("actor", e.actor()).bind("action", e.action())
                    .bind("target", e.target()).bind("payload", e.payload() == null ? null : e.payload().toString())
                    .bind("occurred_at", e.occurredAt().toEpochMilli()).bind("recorded_at", row.recordedAt().toEpochMilli())
                    .add();
        }
        int inserted = 0;
        for (int count : batch.execute()) {
            inserted += Math.max(count, 0);
        }
        return inserted;
    }

    /** A page of audit events, newest first. */
    public Page<StoredAudit> query(AuditQuery q) {
        List<String> where = new ArrayList<>();
        if (q.actor() != null) {
            where.add("actor = :actor");
        }
        if (q.action() != null) {
            where.add("action = :action");
        }
        if (q.since() != null) {
            where.add("occurred_at >= :since");
        }
        String filter = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        return db.jdbi().withHandle(h -> {
            long total = bind(h.createQuery("select count(*) from audit_log" + filter), q).mapTo(Long.class).one();
            List<StoredAudit> items = bind(h.createQuery("select * from audit_log" + filter
                    + " order by occurred_at desc, stream_seq desc limit :limit offset :offset"), q)
                    .bind("limit", q.limit()).bind("offset", q.offset())
                    .map((rs, ctx) -> new StoredAudit(rs.getLong("stream_seq"), new AuditEvent(rs.getString("actor"),
                            rs.getString("action"), rs.getString("target"), parse(rs.getString("payload")),
                            Instant.ofEpochMilli(rs.getLong("occurred_at"))), Instant.ofEpochMilli(rs.getLong("recorded_at"))))
                    .list();
            return new Page<>(items, total);
        });
    }

    /** Deletes up to {@code batch} events that occurred before {@code cutoff}; returns how many. */
    public int pruneBefore(Instant cutoff, int batch) {
        return db.jdbi().withHandle(h -> h.createUpdate("delete from audit_log where stream_seq in "
                        + "(select stream_seq from audit_log where occurred_at < :cutoff limit :batch)")
                .bind("cutoff", cutoff.toEpochMilli()).bind("batch", batch).execute());
    }

    private static Query bind(Query query, AuditQuery q) {
        if (q.actor() != null) {
            query.bind("actor", q.actor());
        }
        if (q.action() != null) {
            query.bind("action", q.action());
        }
        if (q.since() != null) {
            query.bind("since", q.since().toEpochMilli());
        }
        return query;
    }

    private static JsonNode parse(String payload) {
        if (payload == null) {
            return null;
        }
        try {
            return Json.mapper().readTree(payload);
        } catch (JsonProcessingException e) {
            return Json.mapper().getNodeFactory().textNode(payload);
        }
    }
}
