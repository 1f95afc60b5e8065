package kanade.agent.exec;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Ends a process with all its children and grandchildren (and, on Linux, its whole process group). */
final class ProcessTree {
    private ProcessTree() {
    }

    /** Kills {@code process} and every descendant; {@code ownGroup} means it leads its own process group. */
    static void kill(Process process, boolean ownGroup) {
        List<ProcessHandle> descendants = process.descendants().toList();
        if (ownGroup) {
            killGroup(process.pid());
        }
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        // children forked while we were killing: take another look
        process.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    private static void killGroup(long pgid) {
        try {
            Process kill = new ProcessBuilder("kill", "-KILL", "--", "-" + pgid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(2, TimeUnit.SECONDS);
        } catch (IOException e) {
            // fall back to the descendant walk
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
