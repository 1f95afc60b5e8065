package kanade.backend.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import kanade.protocol.wire.ExecResult;

/** Maps execution_results rows back to records. */
final class ResultRows {
    private ResultRows() {
    }

    static StoredResult map(ResultSet rs) throws SQLException {
        ExecResult result = new ExecResult(rs.getString("result_id"), rs.getString("request_id"), rs.getString("pc_id"),
                rs.getString("job_id"), rs.getInt("exit_code"), rs.getString("stdout"), rs.getString("stderr"),
                rs.getBoolean("stdout_truncated"), rs.getBoolean("stderr_truncated"), rs.getBoolean("skipped"),
                Instant.ofEpochMilli(rs.getLong("started_at")), Instant.ofEpochMilli(rs.getLong("finished_at")),
                rs.getString("manifest_id"));
        return new StoredResult(result, rs.getLong("stream_seq"), Instant.ofEpochMilli(rs.getLong("recorded_at")));
    }
}
