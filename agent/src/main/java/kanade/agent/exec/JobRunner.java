package kanade.agent.exec;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import kanade.agent.dedup.ExecutedRequests;
import kanade.protocol.wire.Command;
import kanade.protocol.wire.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes Commands and runs each on a virtual thread: dedup on request_id, deadline check, jitter, register the job
 * for {@code kill.<job_id>} before spawning, enforce the timeout, then hand the outcome to the result sink. The agent
 * holds one {@code kill.*} subscription from connect time on (flushed before any command subscription), so a kill
 * sent after the job started always reaches it, without a subscribe and round trip per job.
 */
public final class JobRunner {
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    /** Receives each finished job's outcome (publishes the ExecResult). */
    public interface ResultSink {
        void accept(Command command, RunOutcome outcome, RunCapture capture, Instant startedAt, Instant finishedAt)
                throws InterruptedException;
    }

    /**
     * Output captured by a run (empty for runs that never started) and how many processes of the job besides the
     * main one had to be ended (leftovers after its exit, or its tree on kill and timeout).
     */
    public record RunCapture(CappedOutput.Snapshot stdout, CappedOutput.Snapshot stderr, int endedProcesses) {
        static final RunCapture EMPTY = new RunCapture(new CappedOutput.Snapshot("", false),
                new CappedOutput.Snapshot("", false), 0);
    }

    /** The only run_as this agent implements yet (the service account: root / SYSTEM). */
    static final String RUN_AS_SYSTEM = "system";

    private final String pcId;
    private final ExecutedRequests executed;
    private final ScriptRunner scripts;
    private final ResultSink sink;
    private final ExecutorService executor;
    private final AdmissionGate gate;
    private final Clock clock;
    private final Set<Job> running = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<Job>> byJobId = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private final AtomicBoolean accepting = new AtomicBoolean(true);

    public JobRunner(String pcId, ExecutedRequests executed, ScriptRunner scripts, ResultSink sink,
                     ExecutorService executor, AdmissionGate gate, Clock clock) {
        this.pcId = pcId;
        this.executed = executed;
        this.scripts = scripts;
        this.sink = sink;
        this.executor = executor;
        this.gate = gate;
        this.clock = clock;
    }

    /** Accepts {@code command} unless its request id was already taken or the runner is shutting down. */
    public boolean submit(Command command) {
        if (!accepting.get()) {
            LOG.debug("{} - shutting down; command {} not taken", pcId, command.requestId());
            return false;
        }
        if (!executed.claim(command.requestId())) {
            LOG.debug("{} - request {} already taken; ignored", pcId, command.requestId());
            return false;
        }
        Job job = new Job(command);
        running.add(job);
        executor.execute(() -> {
            try {
                job.run();
            } finally {
                running.remove(job);
                signalIfIdle();
            }
        });
        return true;
    }

    /** Kills every running job with {@code jobId} (from {@code kill.<job_id>}); returns how many. */
    public int kill(String jobId, String by) {
        Set<Job> jobs = byJobId.get(jobId);
        if (jobs == null) {
            return 0;
        }
        jobs.forEach(job -> job.kill(by));
        return jobs.size();
    }

    /** Whether the command with {@code requestId} was taken here (now or before a restart). */
    public boolean hasTaken(String requestId) {
        return executed.contains(requestId);
    }

    /** Jobs waiting for a slot (max_local_concurrent reached). */
    public int waitingCount() {
        return gate.waiting();
    }

    /** Number of jobs in flight. */
    public int runningCount() {
        return running.size();
    }

    /**
     * Stops taking work, waits up to {@code grace} for running jobs, then kills the rest (they still report) and
     * waits a little for their results. Returns whether every job is done.
     */
    public boolean shutdown(Duration grace) throws InterruptedException {
        accepting.set(false);
        if (awaitIdle(grace)) {
            return true;
        }
        LOG.info("{} - {} job(s) still running after {} ms grace; killing them", pcId, running.size(), grace.toMillis());
        running.forEach(job -> job.kill("agent shutdown"));
        return awaitIdle(Duration.ofSeconds(3));
    }

    /** Waits until no job is in flight (a job lasts until its result is acked or parked in the outbox). */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (!running.isEmpty()) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = idle.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void signalIfIdle() {
        lock.lock();
        try {
            if (running.isEmpty()) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** One command's life on this agent. */
    private final class Job {
        private final Command command;
        private final AtomicReference<RunOutcome> stopReason = new AtomicReference<>();
        private final AtomicReference<RunningScript> process = new AtomicReference<>();

        Job(Command command) {
            this.command = command;
        }

        void kill(String by) {
            stopReason.compareAndSet(null, new RunOutcome.Killed(by));
            gate.wake();
            RunningScript script = process.get();
            if (script != null) {
                script.killTree();
            }
        }

        void run() {
            Instant startedAt = clock.instant();
            RunOutcome outcome;
            RunCapture capture = RunCapture.EMPTY;
            boolean registered = false;
            try {
                if (command.deadlineAt() != null && startedAt.isAfter(command.deadlineAt())) {
                    outcome = new RunOutcome.Skipped(kanade.protocol.wire.ExecResult.EXIT_DEADLINE_PASSED,
                            "deadline_at " + command.deadlineAt() + " passed before start");
                } else if (command.outOfBounds().isPresent()) {
                    outcome = new RunOutcome.FailedToStart(kanade.protocol.wire.ExecResult.EXIT_UNSUPPORTED,
                            command.outOfBounds().get() + "; nothing was run");
                } else if (!RUN_AS_SYSTEM.equals(command.runAs() == null ? RUN_AS_SYSTEM : command.runAs())) {
                    outcome = new RunOutcome.FailedToStart(kanade.protocol.wire.ExecResult.EXIT_UNSUPPORTED,
                            "run_as=" + command.runAs() + " is not implemented yet; this agent runs scripts only as"
                                    + " system (omit run_as or set it to system); nothing was run");
                } else {
                    registered = register();
                    sleepJitter();
                    AdmissionGate.Admission admission = gate.enter(command.deadlineAt(), () -> stopReason.get() != null);
                    startedAt = clock.instant();
                    outcome = switch (admission) {
                        case CANCELLED -> stopReason.get();
                        case EXPIRED -> new RunOutcome.Skipped(kanade.protocol.wire.ExecResult.EXIT_DEADLINE_PASSED,
                                "deadline_at " + command.deadlineAt() + " passed while waiting for a job slot"
                                        + " (max_local_concurrent " + gate.limit() + ")");
                        case ADMITTED -> {
                            try {
                                RunningScript script = scripts.start(command);
                                process.set(script);
                                try {
                                    if (stopReason.get() != null) {
                                        script.killTree();
                                    }
                                    RunOutcome ended = await(script);
                                    // before the output: a leftover child holding the pipe would stall the snapshot
                                    int others = script.endRemaining();
                                    capture = new RunCapture(script.stdout(), script.stderr(), others);
                                    yield ended;
                                } finally {
                                    script.cleanup();
                                }
                            } finally {
                                gate.leave();
                            }
                        }
                    };
                }
            } catch (ScriptRunner.StartRefused e) {
                outcome = new RunOutcome.FailedToStart(e.exitCode(), e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcome = new RunOutcome.Killed("agent shutdown");
            } finally {
                if (registered) {
                    unregister();
                }
            }
            Instant finishedAt = clock.instant();
            LOG.info("{} - job {} request {} finished: {}", pcId, command.jobId(), command.requestId(), outcome);
            try {
                sink.accept(command, outcome, capture, startedAt, finishedAt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private RunOutcome await(RunningScript script) throws InterruptedException {
            Duration timeout = Duration.ofSeconds(command.effectiveTimeoutSecs());
            boolean exited = script.waitFor(timeout);
            if (!exited) {
                stopReason.compareAndSet(null, new RunOutcome.TimedOut(timeout));
                script.killTree();
                script.waitFor(Duration.ofSeconds(10));
            }
            RunOutcome stopped = stopReason.get();
            return stopped != null ? stopped : new RunOutcome.Exited(script.exitCode());
        }

        private boolean register() {
            if (command.jobId() == null || command.jobId().isBlank()) {
                return false;
            }
            byJobId.computeIfAbsent(command.jobId(), id -> ConcurrentHashMap.newKeySet()).add(this);
            return true;
        }

        private void unregister() {
            byJobId.computeIfPresent(command.jobId(), (id, jobs) -> {
                jobs.remove(this);
                return jobs.isEmpty() ? null : jobs;
            });
        }

        private void sleepJitter() throws InterruptedException {
            Long jitter = command.jitterSecs();
            if (jitter != null && jitter > 0) {
                long millis = ThreadLocalRandom.current().nextLong(TimeUnit.SECONDS.toMillis(jitter) + 1);
                Thread.sleep(millis);
            }
        }
    }

    /** A fresh result id (UUIDv4). */
    public static String newResultId() {
        return Ids.randomUuid();
    }
}
