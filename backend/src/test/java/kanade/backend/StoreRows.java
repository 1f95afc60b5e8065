package kanade.backend;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import kanade.backend.store.AgentRow;
import kanade.backend.store.AgentStore;
import kanade.backend.store.AuditStore;
import kanade.backend.store.Database;
import kanade.backend.store.DeadLetter;
import kanade.backend.store.DeadLetterStore;
import kanade.backend.store.ResultQuery;
import kanade.backend.store.ResultStore;
import kanade.backend.store.StoredAudit;
import kanade.backend.store.StoredResult;
import kanade.protocol.wire.AuditEvent;
import kanade.protocol.wire.Heartbeat;
import kanade.protocol.wire.Json;

/** Every row of every backend table, read back for exact comparison (dead letters' bytes as base64 text). */
record StoreRows(List<StoredResult> results, List<StoredAudit> audit, List<AgentRow> agents, List<String> deadLetters) {
    private static final int ALL = 100_000;

    /** Writes {@code n} results, {@code n} audit events, {@code n} agents and one dead letter, tagged by {@code tag}. */
    static void write(Database db, String tag, int n, long firstSeq) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<StoredResult> results = new ArrayList<>();
        List<StoredAudit> audit = new ArrayList<>();
        List<Heartbeat> beats = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            results.add(new StoredResult(ResultFactory.result(tag + "-pc-" + i, i % 2, tag + " out " + i), firstSeq + i, now));
            audit.add(new StoredAudit(firstSeq + i, new AuditEvent("op-" + tag, "run", tag + "-pc-" + i,
                    Json.mapper().readTree("{\"n\":" + i + ",\"tag\":\"" + tag + "\"}"), now), now));
            beats.add(new Heartbeat(tag + "-pc-" + i, now, "1." + i, "host-" + i, "linux", "inst-" + i));
        }
        DeadLetter dead = new DeadLetter("RESULTS", firstSeq, "results." + tag, new byte[] {0, 1, (byte) 0xff}, "bad " + tag);
        db.jdbi().useTransaction(h -> {
            new ResultStore(db).insert(h, results);
            new AuditStore(db).insert(h, audit);
            new DeadLetterStore(db).insert(h, List.of(dead), now);
        });
        new AgentStore(db).upsertHeartbeats(beats, java.time.Duration.ofMinutes(2), now);
    }

    /** Reads every row through the stores. */
    static StoreRows read(Database db) {
        return new StoreRows(new ResultStore(db).query(new ResultQuery(null, null, null, ALL, 0)).items(),
                new AuditStore(db).query(new AuditStore.AuditQuery(null, null, null, ALL, 0)).items(),
                new AgentStore(db).list(null, ALL, 0).items(),
                new DeadLetterStore(db).list(null, ALL, 0).items().stream().map(d -> d.stream() + "/" + d.streamSeq()
                        + "/" + d.subject() + "/" + Base64.getEncoder().encodeToString(d.raw()) + "/" + d.error()).toList());
    }
}
