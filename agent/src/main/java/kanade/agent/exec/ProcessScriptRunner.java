package kanade.agent.exec;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import kanade.agent.exec.containment.ContainedRun;
import kanade.agent.exec.containment.Containment;
import kanade.agent.exec.containment.Containments;
import kanade.protocol.wire.Command;
import kanade.protocol.wire.ExecResult;

/**
 * Runs scripts as real child processes through the platform's shell catalog: the script is staged in a private file
 * ({@link ScriptStage}) and each run is held by the platform's {@link Containment}, so that every process the script
 * starts, detached or not, ends with the job.
 */
public final class ProcessScriptRunner implements ScriptRunner {
    private static final Duration READER_GRACE = Duration.ofSeconds(2);

    private final ShellCatalog shells;
    private final ScriptStage stage;
    private final int maxOutputBytes;
    private final ExecutorService readers;
    private final Containment containment;

    /** A runner with the containment this machine offers (chosen and logged now). */
    public ProcessScriptRunner(ShellCatalog shells, Path dataDir, int maxOutputBytes, ExecutorService readers) {
        this(shells, dataDir, maxOutputBytes, readers, Containments.detect());
    }

    /** A runner with the given containment. Staged scripts an earlier run left under {@code dataDir} are removed. */
    public ProcessScriptRunner(ShellCatalog shells, Path dataDir, int maxOutputBytes, ExecutorService readers,
                               Containment containment) {
        this.shells = shells;
        this.stage = ScriptStage.under(dataDir);
        this.maxOutputBytes = maxOutputBytes;
        this.readers = readers;
        this.containment = containment;
    }

    @Override
    public RunningScript start(Command command) throws StartRefused {
        ShellLaunch launch;
        try {
            launch = shells.prepare(command.shell(), command.script(), stage);
        } catch (IOException e) {
            throw new StartRefused(ExecResult.EXIT_UNSUPPORTED_SHELL, "cannot stage the script: " + e.getMessage());
        }
        return switch (launch) {
            case ShellLaunch.Unsupported unsupported ->
                    throw new StartRefused(ExecResult.EXIT_UNSUPPORTED_SHELL, unsupported.reason());
            case ShellLaunch.Ready ready -> spawn(command, ready);
        };
    }

    private RunningScript spawn(Command command, ShellLaunch.Ready ready) throws StartRefused {
        ProcessBuilder pb = new ProcessBuilder(ready.command()).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        if (command.cwd() != null && !command.cwd().isBlank()) {
            pb.directory(new File(command.cwd()));
        }
        ContainedRun contained = null;
        try {
            contained = containment.open();
            contained.prepare(pb);
            Process process = pb.start();
            contained.started(process);
            CappedOutput out = new CappedOutput(maxOutputBytes);
            CappedOutput err = new CappedOutput(maxOutputBytes);
            readers.execute(() -> out.drain(process.getInputStream()));
            readers.execute(() -> err.drain(process.getErrorStream()));
            return new ProcessRun(process, out, err, ready.stagedScript(), contained);
        } catch (IOException e) {
            if (contained != null) {
                contained.close();
            }
            stage.delete(ready.stagedScript());
            throw new StartRefused(ExecResult.EXIT_UNSUPPORTED_SHELL, "cannot start " + ready.command().get(0) + ": "
                    + e.getMessage());
        }
    }

    private static File nullDevice() {
        return new File(File.separatorChar == '\\' ? "NUL" : "/dev/null");
    }

    /** One spawned child process and its container. */
    private final class ProcessRun implements RunningScript {
        private final Process process;
        private final CappedOutput out;
        private final CappedOutput err;
        private final Path staged;
        private final ContainedRun contained;
        /** Processes besides the main one ended so far; guarded by this run, like the calls that add to it. */
        private int ended;
        private boolean settled;

        ProcessRun(Process process, CappedOutput out, CappedOutput err, Path staged, ContainedRun contained) {
            this.process = process;
            this.out = out;
            this.err = err;
            this.staged = staged;
            this.contained = contained;
        }

        @Override
        public boolean waitFor(Duration timeout) throws InterruptedException {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public synchronized void killTree() {
            ended += contained.endAll();
        }

        @Override
        public int exitCode() {
            return process.exitValue();
        }

        @Override
        public synchronized int endRemaining() {
            ended += contained.endAll();
            settled = true;
            return ended;
        }

        @Override
        public CappedOutput.Snapshot stdout() {
            return out.snapshot(READER_GRACE);
        }

        @Override
        public CappedOutput.Snapshot stderr() {
            return err.snapshot(READER_GRACE);
        }

        @Override
        public synchronized void cleanup() {
            if (!settled) {
                contained.endAll();
            }
            contained.close();
            stage.delete(staged);
        }
    }
}
