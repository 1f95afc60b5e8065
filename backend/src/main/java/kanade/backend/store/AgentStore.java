package kanade.backend.store;

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
    private static final String TABLE = "agents";
    private static final String COLUMNS = "pc_id, hostname, os_family, agent_version, instance_id, last_heartbeat, "
            + "conflicting_instance_id, conflict_seen_at, updated_at";
    private static final String OTHER_LIVE_INSTANCE = "agents.instance_id is not null and excluded.instance_id is not null "
            + "and agents.instance_id <> excluded.instance_id and agents.last_heartbeat >= :live_since";
    private static final String UPSERT = "insert into agents (pc_id, hostname, os_family, agent_version, instance_id, "
            + "last_heartbeat, updated_at) values (:pc_id, :hostname, :os_family, :agent_version, :instance_id, :at, :now) "
            + "on conflict (pc_id) do update set "
            + "conflicting_instance_id = case when " + OTHER_LIVE_INSTANCE
            + " then agents.instance_id else agents.conflicting_instance_id end, "
            + "conflict_seen_at = case when " + OTHER_LIVE_INSTANCE + " then :now else agents.conflict_seen_at end, "
            + "hostname = excluded.hostname, os_family = excluded.os_family, agent_version = excluded.agent_version, "
            + "instance_id = excluded.instance_id, last_heartbeat = excluded.last_heartbeat, updated_at = excluded.updated_at "
            + "where excluded.last_heartbeat >= agents.last_heartbeat";
    private final Database db;

    public AgentStore(Database db) {
        this.db = db;
    }

    /** Upserts the newest heartbeat per pc in one transaction; returns rows written. */
    public int upsertHeartbeats(Collection<Heartbeat> beats, Duration liveWindow, Instant now) {
        if (beats.isEmpty()) {
            return 0;
        }
        Instant liveSince = now.minus(liveWindow);
        return db.jdbi().inTransaction(h -> {
            PreparedBatch batch = h.prepareBatch(UPSERT);
            for (Heartbeat hb : beats) {
                batch.bind("pc_id", hb.pcId()).bind("hostname", hb.hostname()).bind("os_family", hb.osFamily())
                        .bind("agent_version", hb.agentVersion()).bind("instance_id", hb.instanceId())
                        .bind("at", hb.at()).bind("now", now).bind("live_since", liveSince).add();
            }
            return Batches.execute(batch);
        });
    }

    /** Marks {@code pcId} as claimed by two live instances (seen within one batch). */
    public void flagConflict(String pcId, String otherInstanceId, Instant now) {
        db.jdbi().useHandle(h -> h.createUpdate("update agents set conflicting_instance_id = :other, conflict_seen_at = :now "
                + "where pc_id = :pc").bind("other", otherInstanceId).bind("now", now).bind("pc", pcId).execute());
    }

    /** A page of agents whose pc_id or hostname contains {@code q} (null = all), ordered by pc_id. */
    public Page<AgentRow> list(String q, int limit, int offset) {
        PagedQuery query = PagedQuery.from(TABLE)
                .whereContains("q", q, "pc_id", "coalesce(hostname, '')")
                .orderBy("pc_id");
        return db.jdbi().withHandle(h -> query.page(h, COLUMNS, AgentRow.class, limit, offset));
    }

    /** One agent. */
    public Optional<AgentRow> find(String pcId) {
        return db.jdbi().withHandle(h -> h.createQuery("select " + COLUMNS + " from " + TABLE + " where pc_id = :pc")
                .bind("pc", pcId).mapTo(AgentRow.class).findOne());
    }

    /** {known, active since {@code activeSince}}. */
    public long[] counts(Instant activeSince) {
        return db.jdbi().withHandle(h -> h.createQuery("select count(*) as total, coalesce(sum(case when last_heartbeat "
                        + ">= :since then 1 else 0 end), 0) as matching from " + TABLE).bind("since", activeSince)
                .mapTo(Tally.class).one()).asArray();
    }
}
