package kanade.sim;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import kanade.agent.exec.CappedOutput;
import kanade.agent.exec.RunningScript;
import kanade.agent.exec.ScriptRunner;
import kanade.protocol.wire.Command;

/**
 * The simulator's fake endpoint: a script "runs" for {@code scriptTime} on a timer (no process, no thread) and exits 0,
 * or 1 with probability {@code failRate}; while the fleet's {@link ScriptHold} is engaged, a script also waits for its
 * release. Everything around it (dedup, kill, timeout, outbox, publish) is real agent code.
 */
public final class SimulatedScriptRunner implements ScriptRunner {
    private final String pcId;
    private final Duration scriptTime;
    private final double failRate;
    private final ScheduledExecutorService timers;
    private final ScriptHold hold;

    public SimulatedScriptRunner(String pcId, Duration scriptTime, double failRate, ScheduledExecutorService timers,
                                 ScriptHold hold) {
        this.pcId = pcId;
        this.scriptTime = scriptTime;
        this.failRate = failRate;
        this.timers = timers;
        this.hold = hold;
    }

    @Override
    public RunningScript start(Command command) {
        boolean fail = failRate > 0 && ThreadLocalRandom.current().nextDouble() < failRate;
        SimulatedRun run = new SimulatedRun(fail ? 1 : 0, (fail ? "simulated failure on " : "ok from ") + pcId + "\n");
        hold.current().thenRun(() -> {
            if (scriptTime.isZero()) {
                run.finish();
            } else {
                timers.schedule(run::finish, scriptTime.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
        return run;
    }

    /** One simulated run: completes by timer or by kill. */
    private static final class SimulatedRun implements RunningScript {
        private final CountDownLatch done = new CountDownLatch(1);
        private final AtomicBoolean killed = new AtomicBoolean();
        private final CappedOutput out = new CappedOutput(64 * 1024);
        private final CappedOutput err = new CappedOutput(64 * 1024);
        private final int exitCode;

        SimulatedRun(int exitCode, String stdout) {
            this.exitCode = exitCode;
            byte[] bytes = stdout.getBytes(StandardCharsets.UTF_8);
            out.append(bytes, bytes.length);
        }

        void finish() {
            out.finish();
            err.finish();
            done.countDown();
        }

        @Override
        public boolean waitFor(Duration timeout) throws InterruptedException {
            return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void killTree() {
            if (killed.compareAndSet(false, true)) {
                finish();
            }
        }

        @Override
        public int exitCode() {
            return killed.get() ? 137 : exitCode;
        }

        @Override
        public CappedOutput.Snapshot stdout() {
            return out.snapshot(Duration.ZERO);
        }

        @Override
        public CappedOutput.Snapshot stderr() {
            return err.snapshot(Duration.ZERO);
        }

        @Override
        public void cleanup() {
        }
    }
}
