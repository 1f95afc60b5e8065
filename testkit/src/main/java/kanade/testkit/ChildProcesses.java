package kanade.testkit;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs helper commands and stops child processes without leaving any behind. */
public final class ChildProcesses {
    private ChildProcesses() {
    }

    /** Runs {@code command} to completion and fails with its output when it exits non-zero. */
    public static String run(List<String> command, Path logFile, Duration timeout) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            if (logFile != null) {
                pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            }
            Process process = pb.start();
            String out = logFile == null ? new String(process.getInputStream().readAllBytes()) : "";
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out after " + timeout + ": " + String.join(" ", command));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("exit " + process.exitValue() + ": " + String.join(" ", command)
                        + (logFile != null ? " (see " + logFile + ")" : "\n" + out));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    /** Sends SIGTERM, waits up to {@code grace}, then SIGKILL; also ends the process's descendants. */
    public static void stop(Process process, Duration grace) {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    /** Polls {@code check} every few milliseconds until it is true or {@code timeout} passes. */
    public static boolean awaitTrue(java.util.function.BooleanSupplier check, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        long pause = 5;
        while (Instant.now().isBefore(deadline)) {
            if (check.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            pause = Math.min(pause * 2, 100);
        }
        return check.getAsBoolean();
    }
}
