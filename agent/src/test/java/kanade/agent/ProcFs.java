package kanade.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads process state from /proc, to prove that no killed descendant survived. */
public final class ProcFs {
    private ProcFs() {
    }

    /** Pids of this JVM's descendants whose command line is exactly {@code argv}. */
    public static List<Long> descendantsRunning(String... argv) {
        String wanted = String.join("\0", argv) + "\0";
        return ProcessHandle.current().descendants()
                .filter(p -> cmdline(p.pid()).equals(wanted))
                .map(ProcessHandle::pid)
                .toList();
    }

    /** Whether {@code pid} exists and is not a zombie. */
    public static boolean alive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false;
        }
    }

    private static String cmdline(long pid) {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(pid), "cmdline"));
        } catch (IOException e) {
            return "";
        }
    }
}
