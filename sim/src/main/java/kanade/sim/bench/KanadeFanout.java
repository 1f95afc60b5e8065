package kanade.sim.bench;

import io.nats.client.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kanade.protocol.subject.Subjects;
import kanade.protocol.wire.Command;
import kanade.protocol.wire.Json;

/**
 * The real thing: one Command on {@code commands.all}; every simulated agent runs it through the real agent code and
 * publishes its ExecResult into RESULTS; the real backend (a child process) projects them into SQLite. Time until
 * the backend's database holds one result per agent; latencies are each row's recorded_at.
 */
final class KanadeFanout {
    private KanadeFanout() {
    }

    /** The measured run plus what the database holds for it (for lost/duplicate checks). */
    record Outcome(PhaseResult phase, long rows, long distinctPcs) {
    }

    static Outcome run(Connection operator, BackendProcess backend, int agents, Duration timeout, CpuProbe cpu)
            throws Exception {
        String requestId = UUID.randomUUID().toString();
        Command command = Command.adhoc(requestId, UUID.randomUUID().toString(), "sh", "echo bench", 60, null);
        CpuProbe.Snapshot cpuStart = cpu.snapshot();
        long start = System.nanoTime();
        Instant startedAt = Instant.now();
        operator.publish(Subjects.COMMANDS_ALL, Json.encode(command));
        operator.flush(Duration.ofSeconds(5));
        long deadline = start + timeout.toNanos();
        long count = 0;
        double seconds;
        // poll the backend's database file directly (a cheap indexed count), not its HTTP API, so the measurement
        // itself does not load the backend
        try (java.sql.Connection db = DriverManager.getConnection("jdbc:sqlite:" + backend.sqlitePath() + "?open_mode=1");
             PreparedStatement q = db.prepareStatement("select count(*) from execution_results where request_id = ?")) {
            q.setString(1, requestId);
            while (count < agents && System.nanoTime() < deadline) {
                Thread.sleep(2);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    count = rs.getLong(1);
                }
            }
            seconds = (System.nanoTime() - start) / 1e9;
        }
        PhaseResult.CpuUse used = cpu.snapshot().since(cpuStart);
        List<Long> latencies = new ArrayList<>();
        long rows;
        long distinctPcs;
        try (java.sql.Connection db = DriverManager.getConnection("jdbc:sqlite:" + backend.sqlitePath() + "?open_mode=1")) {
            try (PreparedStatement q = db.prepareStatement("select recorded_at from execution_results where request_id = ?")) {
                q.setString(1, requestId);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        latencies.add(rs.getLong(1) - startedAt.toEpochMilli());
                    }
                }
            }
            try (PreparedStatement q = db.prepareStatement("select count(*), count(distinct pc_id), max(started_at), "
                    + "max(finished_at), max(recorded_at) from execution_results where request_id = ?")) {
                q.setString(1, requestId);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    rows = rs.getLong(1);
                    distinctPcs = rs.getLong(2);
                    System.err.printf("  kanade: last start +%d ms, last finish +%d ms, last recorded +%d ms, seen +%d ms%n",
                            rs.getLong(3) - startedAt.toEpochMilli(), rs.getLong(4) - startedAt.toEpochMilli(),
                            rs.getLong(5) - startedAt.toEpochMilli(), Math.round(seconds * 1000));
                }
            }
        }
        long[] millis = latencies.stream().mapToLong(Long::longValue).toArray();
        return new Outcome(new PhaseResult("kanade run -> DB", agents, rows, seconds, Percentiles.of(millis), used), rows,
                distinctPcs);
    }
}
