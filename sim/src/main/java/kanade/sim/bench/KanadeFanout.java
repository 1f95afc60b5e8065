package kanade.sim.bench;

import io.nats.client.Connection;
import io.nats.client.Subscription;
import java.time.Duration;
import kanade.protocol.subject.Subjects;
import kanade.protocol.wire.Command;
import kanade.protocol.wire.Ids;
import kanade.protocol.wire.Json;

/**
 * The real thing: one Command on {@code commands.all} (or, attached to a shared broker, on the simulated agents'
 * own group, so real endpoints are never touched); every simulated agent runs it through the real agent code and
 * publishes its ExecResult into RESULTS; the real backend (a child process) projects them into SQLite. Time until
 * the backend's database holds one result per agent; latencies are each row's recorded_at.
 *
 * <p>Waiting costs next to no CPU: a core subscription on {@code results.<request_id>} blocks until every agent has
 * published, and only then is the database count polled, with a back-off from 5 to 50 ms, for the projection's tail.
 */
final class KanadeFanout {
    private static final long FIRST_POLL_NANOS = 2_000_000;
    private static final long MAX_POLL_NANOS = 10_000_000;

    private KanadeFanout() {
    }

    /** The measured run plus what the database holds for it (for lost/duplicate checks). */
    record Outcome(PhaseResult phase, long rows, long distinctPcs) {
    }

    static Outcome run(Connection operator, BackendAccess backend, String subject, int agents, Duration timeout,
                       CpuProbe cpu) throws Exception {
        String requestId = Ids.randomUuid();
        Command command = Command.adhoc(requestId, Ids.randomUuid(), "sh", "echo bench", 60, null);
        Subscription published = operator.subscribe(Subjects.results(requestId));
        operator.flush(Duration.ofSeconds(5));
        CpuProbe.Snapshot cpuStart = cpu.snapshot();
        long start = System.nanoTime();
        long startedAt = System.currentTimeMillis();
        operator.publish(subject, Json.encode(command));
        operator.flush(Duration.ofSeconds(5));
        long deadline = start + timeout.toNanos();
        awaitPublished(published, agents, deadline);
        awaitRows(backend, requestId, agents, deadline);
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

    /** Blocks (no polling) until {@code agents} results were published on the subscription, or the deadline. */
    private static void awaitPublished(Subscription published, int agents, long deadline) throws InterruptedException {
        try {
            for (int seen = 0; seen < agents; ) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                if (published.nextMessage(Duration.ofNanos(Math.min(left, 1_000_000_000L))) != null) {
                    seen++;
                }
            }
        } finally {
            published.unsubscribe();
        }
    }

    /**
     * Polls the database count with a growing pause (2 ms, x1.25, at most 10 ms) until it holds every row; only the
     * tail after the last publish is polled.
     */
    private static void awaitRows(BackendAccess backend, String requestId, int agents, long deadline) throws Exception {
        long pause = FIRST_POLL_NANOS;
        while (backend.resultCount(requestId) < agents) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            Thread.sleep(Duration.ofNanos(Math.min(pause, left)));
            pause = Math.min(pause * 5 / 4, MAX_POLL_NANOS);
        }
    }
}
