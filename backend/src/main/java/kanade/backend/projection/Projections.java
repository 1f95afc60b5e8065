package kanade.backend.projection;

import io.nats.client.Connection;
import java.time.Clock;
import kanade.backend.store.AuditStore;
import kanade.backend.store.Database;
import kanade.backend.store.DeadLetterStore;
import kanade.backend.store.ResultStore;
import kanade.backend.store.StoredAudit;
import kanade.backend.store.StoredResult;
import kanade.protocol.subject.Streams;
import kanade.protocol.subject.Subjects;
import kanade.protocol.wire.AuditEvent;
import kanade.protocol.wire.ExecResult;
import kanade.protocol.wire.Json;
import kanade.protocol.wire.WireFormatException;

/** Builds the RESULTS and AUDIT projectors: decoders that validate, writers that commit rows and dead letters together. */
public final class Projections {
    /** Durable consumer names (shared by every backend replica). */
    public static final String RESULTS_DURABLE = "kanade-backend-results";
    public static final String AUDIT_DURABLE = "kanade-backend-audit";

    private Projections() {
    }

    /** RESULTS -> execution_results, keyed by result_id. */
    public static StreamProjector<StoredResult> results(Connection nc, Database db, ResultStore results,
                                                        DeadLetterStore deadLetters, int batchSize, Clock clock) {
        return results(nc, db, results, deadLetters, batchSize, clock, RESULTS_DURABLE);
    }

    /** RESULTS -> execution_results through the named durable (benchmarks use a fresh one per run). */
    public static StreamProjector<StoredResult> results(Connection nc, Database db, ResultStore results,
                                                        DeadLetterStore deadLetters, int batchSize, Clock clock,
                                                        String durable) {
        return new StreamProjector<StoredResult>(nc, Streams.RESULTS, durable, Subjects.RESULTS_WILDCARD, batchSize,
                (message, seq) -> {
                    ExecResult result = Json.decode(message.getData(), ExecResult.class);
                    String subjectRequest = Subjects.requestIdOfResults(message.getSubject());
                    if (!result.requestId().equals(subjectRequest)) {
                        throw new WireFormatException("request_id " + result.requestId() + " does not match subject "
                                + message.getSubject());
                    }
                    return new StoredResult(result, seq, clock.instant());
                },
                (rows, dead) -> db.jdbi().useTransaction(h -> {
                    results.insert(h, rows);
                    deadLetters.insert(h, dead, clock.instant());
                }), clock);
    }

    /** AUDIT -> audit_log, keyed by stream sequence. */
    public static StreamProjector<StoredAudit> audit(Connection nc, Database db, AuditStore audit,
                                                     DeadLetterStore deadLetters, int batchSize, Clock clock) {
        return new StreamProjector<StoredAudit>(nc, Streams.AUDIT, AUDIT_DURABLE, Subjects.AUDIT_WILDCARD, batchSize,
                (message, seq) -> new StoredAudit(seq, Json.decode(message.getData(), AuditEvent.class), clock.instant()),
                (rows, dead) -> db.jdbi().useTransaction(h -> {
                    audit.insert(h, rows);
                    deadLetters.insert(h, dead, clock.instant());
                }), clock);
    }
}
