package kanade.sim.bench;

import io.nats.client.Connection;
import java.time.Duration;
import kanade.protocol.wire.Command;
import kanade.protocol.wire.Ids;
import kanade.protocol.wire.Json;

/**
 * The real thing: one Command on {@code commands.all} (or, attached to a shared broker, on the simulated agents'
 * own group, so real endpoints are never touched); every simulated agent runs it through the real agent code and
 * publishes its ExecResult into RESULTS; the real backend (a child process) projects them into SQLite. Time until
 * the backend's database holds one result per agent; latencies are each row's recorded_at.
 */
final class KanadeFanout {
    private KanadeFanout() {
    }

    /** The measured run plus what the database holds for it (for lost/duplicate checks). */
    record Outcome(PhaseResult phase, long rows, long distinctPcs) {
    }

    static Outcome run(Connection operator, BackendAccess backend, String subject, int agents, Duration timeout,
                       CpuProbe cpu) throws Exception {
        String requestId = Ids.randomUuid();
        Command command = Command.adhoc(requestId, Ids.randomUuid(), "sh", "echo bench", 60, null);
        CpuProbe.Snapshot cpuStart = cpu.snapshot();
        long start = System.nanoTime();
        long startedAt = System.currentTimeMillis();
        operator.publish(subject, Json.encode(command));
        operator.flush(Duration.ofSeconds(5));
        long deadline = start + timeout.toNanos();
        long count = 0;
        while (count < agents && System.nanoTime() < deadline) {
            Thread.sleep(2);
            count = backend.resultCount(requestId);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        PhaseResult.CpuUse used = cpu.snapshot().since(cpuStart);
        long[] recorded = backend.recordedAt(requestId);
        long[] millis = new long[recorded.length];
        for (int i = 0; i < recorded.length; i++) {
            millis[i] = recorded[i] - startedAt;
        }
        return new Outcome(new PhaseResult("kanade run -> DB", agents, recorded.length, seconds, Percentiles.of(millis),
                used), recorded.length, backend.distinctPcs(requestId));
    }
}
