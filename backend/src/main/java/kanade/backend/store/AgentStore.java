package kanade.backend.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import kanade.protocol.wire.Heartbeat;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * agents: upserted from heartbeats in micro-batches. A heartbeat from another instance_id while the stored one is
 * still live flags the pc_id as claimed by two agents.
 */
public final class AgentStore {
    private final Database db;

    public AgentStore(Database db) {
        this.db = db;
    }

    /** Upserts the newest heartbeat per pc in one transaction; returns rows written. */
    public int upsertHeartbeats(Collection<Heartbeat> beats, Duration liveWindow, Instant now) {
        if (beats.isEmpty()) {
            return 0;
        }
        return db.jdbi().inTransaction(h -> {
            PreparedBatch batch = h.prepareBatch("insert into agents (pc_id, hostname, os_family, agent_version, instance_id, "
                    + "last_heartbeat, updated_at) values (:pc_id, :hostname, :os_family, :agent_version, :instance_id, :at, :now) "
                    + "on conflict (pc_id) do update set "
                    + "conflicting_instance_id = case when agents.instance_id is not null and excluded.instance_id is not null "
                    + "  and agents.instance_id <> excluded.instance_id and agents.last_heartbeat >= :live_since "
                    + "  then agents.instance_id else agents.conflicting_instance_id end, "
                    + "conflict_seen_at = case when agents.instance_id is not null and excluded.instance_id is not null "
                    + "  and agents.instance_id <> excluded.instance_id and agents.last_heartbeat >= :live_since "
                    + "  then :now else agents.conflict_seen_at end, "
                    + "hostname = excluded.hostname, os_family = excluded.os_family, agent_version = excluded.agent_version, "
                    + "instance_id = excluded.instance_id, last_heartbeat = excluded.last_heartbeat, updated_at = excluded.updated_at "
                    + "where excluded.last_heartbeat >= agents.last_heartbeat");
            long liveSince = now.minus(liveWindow).toEpochMilli();
            for (Heartbeat hb : beats) {
                batch.bind("pc_id", hb.pcId()).bind("hostname", hb.hostname()).bind("os_family", hb.osFamily())
                        .bind("agent_version", hb.agentVersion()).bind("instance_id", hb.instanceId())
                        .bind("at", hb.at().toEpochMilli()).bind("now", now.toEpochMilli()).bind("live_since", liveSince)
                        .add();
            }
            int written = 0;
            for (int count : batch.execute()) {
                written += Math.max(count, 0);
            }
            return written;
        });
    }

    /** Marks {@code pcId} as claimed by two live instances (seen within one batch). */
    public void flagConflict(String pcId, String otherInstanceId, Instant now) {
        db.jdbi().useHandle(h -> h.createUpdate("update agents set conflicting_instance_id = :other, conflict_seen_at = :now "
                + "where pc_id = :pc").bind("other", otherInstanceId).bind("now", now.toEpochMilli()).bind("pc", pcId).execute());
    }

    /** A page of agents whose pc_id or hostname contains {@code q} (null = all), ordered by pc_id. */
    public Page<AgentRow> list(String q, int limit, int offset) {
        String filter = q == null ? "" : " where lower(pc_id) like :q or lower(coalesce(hostname, '')) like :q";
        return db.jdbi().withHandle(h -> {
            var count = h.createQuery("select count(*) from agents" + filter);
            var select = h.createQuery("select * from agents" + filter + " order by pc_id limit :limit offset :offset")
                    .bind("limit", limit).bind("offset", offset);
            if (q != null) {
                String like = "%" + q.toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "") + "%";
                count.bind("q", like);
                select.bind("q", like);
            }
            return new Page<>(select.map((rs, ctx) -> map(rs)).list(), count.mapTo(Long.class).one());
        });
    }

    /** One agent. */
    public Optional<AgentRow> find(String pcId) {
        return db.jdbi().withHandle(h -> h.createQuery("select * from agents where pc_id = :pc").bind("pc", pcId)
                .map((rs, ctx) -> map(rs)).findOne());
    }

    /** {known, active since {@code activeSince}}. */
    public long[] counts(Instant activeSince) {
        return db.jdbi().withHandle(h -> h.createQuery("select count(*), coalesce(sum(case when last_heartbeat >= :since "
                        + "then 1 else 0 end), 0) from agents").bind("since", activeSince.toEpochMilli())
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).one());
    }

    private static AgentRow map(ResultSet rs) throws SQLException {
        long conflictAt = rs.getLong("conflict_seen_at");
        Instant conflict = rs.wasNull() ? null : Instant.ofEpochMilli(conflictAt);
        return new AgentRow(rs.getString("pc_id"), rs.getString("hostname"), rs.getString("os_family"),
                rs.getString("agent_version"), rs.getString("instance_id"), Instant.ofEpochMilli(rs.getLong("last_heartbeat")),
                rs.getString("conflicting_instance_id"), conflict, Instant.ofEpochMilli(rs.getLong("updated_at")));
    }
}
