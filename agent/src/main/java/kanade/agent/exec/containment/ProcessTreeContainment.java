package kanade.agent.exec.containment;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The last resort when the platform offers nothing better: the main process leads its own session
 * ({@code setsid --wait}, where installed), and the end of a job kills that process group and every descendant still
 * reachable from the main process. A child that detaches into its own session after the main process exited escapes.
 */
final class ProcessTreeContainment implements Containment {
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private final boolean useSetsid;

    ProcessTreeContainment() {
        this.useSetsid = File.separatorChar == '/' && Files.isExecutable(SETSID);
    }

    @Override
    public String describe() {
        return useSetsid ? "process group and tree (setsid)" : "process tree";
    }

    @Override
    public ContainedRun open() {
        return new Run(useSetsid);
    }

    /** One job: its main process and whatever is reachable from it. */
    private static final class Run implements ContainedRun {
        private final boolean ownGroup;
        private volatile Process main;

        Run(boolean ownGroup) {
            this.ownGroup = ownGroup;
        }

        @Override
        public void prepare(ProcessBuilder launch) {
            if (ownGroup) {
                List<String> argv = new ArrayList<>(List.of(SETSID.toString(), "--wait"));
                argv.addAll(launch.command());
                launch.command(argv);
            }
        }

        @Override
        public void started(Process process) {
            this.main = process;
        }

        @Override
        public synchronized int endAll() {
            Process process = main;
            if (process == null) {
                return 0;
            }
            List<ProcessHandle> descendants = process.descendants().toList();
            if (ownGroup) {
                killGroup(process.pid());
            }
            // the handle, not Process.destroyForcibly: that also closes the pipes and would lose unread output
            process.toHandle().destroyForcibly();
            descendants.forEach(ProcessHandle::destroyForcibly);
            // children forked while we were killing: take another look
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            return descendants.size();
        }

        @Override
        public void close() {
        }

        private static void killGroup(long pgid) {
            try {
                Process kill = new ProcessBuilder("kill", "-KILL", "--", "-" + pgid)
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                kill.waitFor(2, TimeUnit.SECONDS);
            } catch (IOException e) {
                // the descendant walk still runs
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
