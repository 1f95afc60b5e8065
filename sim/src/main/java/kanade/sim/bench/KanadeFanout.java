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
 *
 * <p>Waiting must neither load the box nor the pipeline: the bench does not subscribe to the results (that would add
 * a delivery per result to the broker's work), it sleeps and reads the database's count (an indexed count on the
 * WAL file, next to no CPU) every {@link #POLL} (the 2 ms of earlier versions cost 0.2-0.4 s of CPU at 10,000
 * agents). The time reported is the first poll that sees every row, so it may be up to one poll late.
 */
final class KanadeFanout {
    /** Pause between two reads of the database's count: the most the reported time may be late. */
    static final Duration POLL = Duration.ofMillis(10);

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
        while (backend.resultCount(requestId) < agents && System.nanoTime() < deadline) {
            Thread.sleep(POLL);
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
