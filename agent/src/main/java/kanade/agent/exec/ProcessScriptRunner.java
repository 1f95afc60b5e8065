package kanade.agent.exec;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import kanade.protocol.wire.Command;
import kanade.protocol.wire.ExecResult;

/**
 * Runs scripts as real child processes through the platform's shell catalog. On Linux each child leads its own
 * session ({@code setsid}) so a kill takes the whole process group, including orphaned grandchildren.
 */
public final class ProcessScriptRunner implements ScriptRunner {
    private static final Duration READER_GRACE = Duration.ofSeconds(2);
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final ShellCatalog shells;
    private final Path scriptsDir;
    private final int maxOutputBytes;
    private final ExecutorService readers;
    private final boolean useSetsid;

    public ProcessScriptRunner(ShellCatalog shells, Path dataDir, int maxOutputBytes, ExecutorService readers) {
        this.shells = shells;
        this.scriptsDir = dataDir.resolve("agent-scripts");
        this.maxOutputBytes = maxOutputBytes;
        this.readers = readers;
        this.useSetsid = File.separatorChar == '/' && Files.isExecutable(SETSID);
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
        List<String> argv = new ArrayList<>();
        if (useSetsid) {
            argv.add(SETSID.toString());
            argv.add("--wait");
        }
        argv.addAll(ready.command());
        ProcessBuilder pb = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        if (command.cwd() != null && !command.cwd().isBlank()) {
            pb.directory(new File(command.cwd()));
        }
        try {
            Process process = pb.start();
            CappedOutput out = new CappedOutput(maxOutputBytes);
            CappedOutput err = new CappedOutput(maxOutputBytes);
            readers.execute(() -> out.drain(process.getInputStream()));
            readers.execute(() -> err.drain(process.getErrorStream()));
            return new ProcessRun(process, out, err, ready.stagedScript(), useSetsid);
        } catch (IOException e) {
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
    private record ProcessRun(Process process, CappedOutput out, CappedOutput err, Path staged, boolean ownGroup,
                              AtomicBoolean killed) implements RunningScript {
        ProcessRun(Process process, CappedOutput out, CappedOutput err, Path staged, boolean ownGroup) {
            this(process, out, err, staged, ownGroup, new AtomicBoolean());
        }

        @Override
        public boolean waitFor(Duration timeout) throws InterruptedException {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void killTree() {
            if (killed.compareAndSet(false, true)) {
                ProcessTree.kill(process, ownGroup);
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
            deleteQuietly(staged);
        }
    }
}
