package kanade.backend.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kanade.backend.store.ResultQuery.ResultStatus;
import kanade.protocol.wire.ExecResult;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** execution_results: idempotent inserts keyed by result_id, and the queries behind /api/results. */
public final class ResultStore {
    private static final String TABLE = "execution_results";
    private static final String COLUMNS = "result_id, request_id, job_id, pc_id, manifest_id, exit_code, skipped, stdout, "
            + "stderr, stdout_truncated, stderr_truncated, started_at, finished_at, recorded_at, stream_seq";
    private static final String INSERT = "insert into " + TABLE + " (" + COLUMNS + ") values "
            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (result_id) do nothing";
    private final Database db;

    public ResultStore(Database db) {
        this.db = db;
    }

    /**
     * Inserts rows inside the caller's transaction; a result_id already stored is left as it is. This is the
     * projection's hot path: one prepared batch, bound by position, times as epoch-ms longs.
     */
    public int insert(Handle handle, List<StoredResult> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        PreparedBatch batch = handle.prepareBatch(INSERT);
        for (StoredResult row : rows) {
            ExecResult r = row.result();
            batch.bind(0, r.resultId()).bind(1, r.requestId()).bind(2, r.jobId()).bind(3, r.pcId())
                    .bind(4, r.manifestId()).bind(5, r.exitCode()).bind(6, r.skipped()).bind(7, r.stdout())
                    .bind(8, r.stderr()).bind(9, r.stdoutTruncated()).bind(10, r.stderrTruncated())
                    .bind(11, r.startedAt().toEpochMilli()).bind(12, r.finishedAt().toEpochMilli())
                    .bind(13, row.recordedAt().toEpochMilli()).bind(14, row.streamSeq()).add();
        }
        return Batches.execute(batch);
    }

    /** One result by id. */
    public Optional<StoredResult> find(String resultId) {
        return db.jdbi().withHandle(h -> h.createQuery("select " + COLUMNS + " from " + TABLE + " where result_id = :id")
                .bind("id", resultId).mapTo(StoredResult.class).findOne());
    }

    /** A page of results, newest first. */
    public Page<StoredResult> query(ResultQuery q) {
        PagedQuery query = PagedQuery.from(TABLE)
                .where("pc_id = :pc_id", "pc_id", q.pcId())
                .where("request_id = :request_id", "request_id", q.requestId())
                .where("finished_at >= :since", "since", q.since())
                .orderBy("finished_at desc, result_id");
        if (q.status() != null) {
            query.where(statusClause(q.status()), "skipped", q.status() == ResultStatus.SKIPPED);
        }
        return db.jdbi().withHandle(h -> query.page(h, COLUMNS, StoredResult.class, q.limit(), q.offset()));
    }

    /** Results and failures finished since {@code since} (for the fleet health rollup). */
    public long[] countSince(Instant since) {
        return db.jdbi().withHandle(h -> h.createQuery("select count(*) as total, coalesce(sum(case when exit_code <> 0 "
                        + "and skipped = :false then 1 else 0 end), 0) as matching from " + TABLE + " where finished_at >= :since")
                .bind("since", since).bind("false", false).mapTo(Tally.class).one()).asArray();
    }

    /** Number of rows stored. */
    public long count() {
        return db.jdbi().withHandle(h -> PagedQuery.from(TABLE).count(h));
    }

    /** Deletes up to {@code batch} results finished before {@code cutoff}; returns how many. */
    public int pruneBefore(Instant cutoff, int batch) {
        return db.jdbi().withHandle(h -> h.createUpdate("delete from " + TABLE + " where result_id in "
                        + "(select result_id from " + TABLE + " where finished_at < :cutoff limit :batch)")
                .bind("cutoff", cutoff).bind("batch", batch).execute());
    }

    private static String statusClause(ResultStatus status) {
        return switch (status) {
            case OK -> "exit_code = 0 and skipped = :skipped";
            case FAILED -> "exit_code <> 0 and skipped = :skipped";
            case SKIPPED -> "skipped = :skipped";
        };
    }
}
