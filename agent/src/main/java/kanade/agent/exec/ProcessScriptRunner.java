package kanade.agent.exec;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import kanade.agent.exec.containment.ContainedRun;
import kanade.agent.exec.containment.Containment;
import kanade.agent.exec.containment.Containments;
import kanade.protocol.wire.Command;
import kanade.protocol.wire.ExecResult;

/**
 * Runs scripts as real child processes through the platform's shell catalog. On Linux each child leads its own
 * session ({@code setsid}) so a kill takes the whole process group, including orphaned grandchildren.
 */
public final class ProcessScriptRunner implements ScriptRunner {
    private static final Duration READER_GRACE = Duration.ofSeconds(2);

    private final ShellCatalog shells;
    private final Path scriptsDir;
    private final int maxOutputBytes;
    private final ExecutorService readers;
    private final Containment containment;

    public ProcessScriptRunner(ShellCatalog shells, Path dataDir, int maxOutputBytes, ExecutorService readers) {
        this(shells, dataDir, maxOutputBytes, readers, Containments.detect());
    }

    public ProcessScriptRunner(ShellCatalog shells, Path dataDir, int maxOutputBytes, ExecutorService readers,
                               Containment containment) {
        this.shells = shells;
        this.scriptsDir = dataDir.resolve("agent-scripts");
        this.maxOutputBytes = maxOutputBytes;
        this.readers = readers;
        this.containment = containment;
    }

    @Override
    public RunningScript start(Command command) throws StartRefused {
        ShellLaunch launch = shells.prepare(command.shell(), command.script(), command.requestId(), scriptsDir);
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
            deleteQuietly(ready.stagedScript());
            throw new StartRefused(ExecResult.EXIT_UNSUPPORTED_SHELL, "cannot start " + ready.command().get(0) + ": "
                    + e.getMessage());
        }
    }

    private static File nullDevice() {
        return new File(File.separatorChar == '\\' ? "NUL" : "/dev/null");
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a leftover staged script is cleaned on the next start
            }
        }
    }

    /** One spawned child process. */
    private record ProcessRun(Process process, CappedOutput out, CappedOutput err, Path staged, ContainedRun contained,
                              AtomicBoolean killed) implements RunningScript {
        ProcessRun(Process process, CappedOutput out, CappedOutput err, Path staged, ContainedRun contained) {
            this(process, out, err, staged, contained, new AtomicBoolean());
        }

        @Override
        public boolean waitFor(Duration timeout) throws InterruptedException {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void killTree() {
            if (killed.compareAndSet(false, true)) {
                contained.endAll();
            }
        }

        @Override
        public int exitCode() {
            return process.exitValue();
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
        public void cleanup() {
            contained.close();
            deleteQuietly(staged);
        }
    }
}
