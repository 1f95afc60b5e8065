package kanade.backend.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kanade.protocol.wire.ExecResult;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** execution_results: idempotent inserts keyed by result_id, and the queries behind /api/results. */
public final class ResultStore {
    private static final String COLUMNS = "result_id, request_id, job_id, pc_id, manifest_id, exit_code, skipped, stdout, "
            + "stderr, stdout_truncated, stderr_truncated, started_at, finished_at, recorded_at, stream_seq";
    private final Database db;

    public ResultStore(Database db) {
        this.db = db;
    }

    /**
     * Inserts rows inside the caller's transaction; a result_id already stored is left as it is. This is the
     * projection's hot path, so it binds positionally on the JDBC statement.
     */
    public int insert(Handle handle, List<StoredResult> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        String sql = "insert into execution_results (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "on conflict (result_id) do nothing";
        try (PreparedStatement insert = handle.getConnection().prepareStatement(sql)) {
            for (StoredResult row : rows) {
                ExecResult r = row.result();
                insert.setString(1, r.resultId());
                insert.setString(2, r.requestId());
                insert.setString(3, r.jobId());
                insert.setString(4, r.pcId());
                insert.setString(5, r.manifestId());
                insert.setInt(6, r.exitCode());
                insert.setBoolean(7, r.skipped());
                insert.setString(8, r.stdout());
                insert.setString(9, r.stderr());
                insert.setBoolean(10, r.stdoutTruncated());
                insert.setBoolean(11, r.stderrTruncated());
                insert.setLong(12, r.startedAt().toEpochMilli());
                insert.setLong(13, r.finishedAt().toEpochMilli());
                insert.setLong(14, row.recordedAt().toEpochMilli());
                insert.setLong(15, row.streamSeq());
                insert.addBatch();
            }
            int inserted = 0;
            for (int count : insert.executeBatch()) {
                inserted += Math.max(count, 0);
            }
            return inserted;
        } catch (SQLException e) {
            throw new org.jdbi.v3.core.ConnectionException(e);
        }
    }

    /** One result by id. */
    public Optional<StoredResult> find(String resultId) {
        return db.jdbi().withHandle(h -> h.createQuery("select " + COLUMNS + " from execution_results where result_id = :id")
                .bind("id", resultId).map((rs, ctx) -> ResultRows.map(rs)).findOne());
    }

    /** A page of results, newest first. */
    public Page<StoredResult> query(ResultQuery q) {
        List<String> where = new ArrayList<>();
        if (q.pcId() != null) {
            where.add("pc_id = :pc_id");
        }
        if (q.requestId() != null) {
            where.add("request_id = :request_id");
        }
        if (q.since() != null) {
            where.add("finished_at >= :since");
        }
        if (q.status() != null) {
            where.add(switch (q.status()) {
                case OK -> "exit_code = 0 and skipped = :false";
                case FAILED -> "exit_code <> 0 and skipped = :false";
                case SKIPPED -> "skipped = :true";
            });
        }
        String filter = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        return db.jdbi().withHandle(h -> {
            long total = bind(h.createQuery("select count(*) from execution_results" + filter), q).mapTo(Long.class).one();
            List<StoredResult> items = bind(h.createQuery("select " + COLUMNS + " from execution_results" + filter
                    + " order by finished_at desc, result_id limit :limit offset :offset"), q)
                    .bind("limit", q.limit()).bind("offset", q.offset())
                    .map((rs, ctx) -> ResultRows.map(rs)).list();
            return new Page<>(items, total);
        });
    }

    /** Results and failures finished since {@code since} (for the fleet health rollup). */
    public long[] countSince(Instant since) {
        return db.jdbi().withHandle(h -> h.createQuery("select count(*), coalesce(sum(case when exit_code <> 0 and skipped = :false "
                        + "then 1 else 0 end), 0) from execution_results where finished_at >= :since")
                .bind("since", since.toEpochMilli()).bind("false", false)
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).one());
    }

    /** Number of rows stored. */
    public long count() {
        return db.jdbi().withHandle(h -> h.createQuery("select count(*) from execution_results").mapTo(Long.class).one());
    }

    /** Deletes up to {@code batch} results finished before {@code cutoff}; returns how many. */
    public int pruneBefore(Instant cutoff, int batch) {
        return db.jdbi().withHandle(h -> h.createUpdate("delete from execution_results where result_id in "
                        + "(select result_id from execution_results where finished_at < :cutoff limit :batch)")
                .bind("cutoff", cutoff.toEpochMilli()).bind("batch", batch).execute());
    }

    private static Query bind(Query query, ResultQuery q) {
        if (q.pcId() != null) {
            query.bind("pc_id", q.pcId());
        }
        if (q.requestId() != null) {
            query.bind("request_id", q.requestId());
        }
        if (q.since() != null) {
            query.bind("since", q.since().toEpochMilli());
        }
        if (q.status() != null) {
            query.bind("false", false).bind("true", true);
        }
        return query;
    }
}
