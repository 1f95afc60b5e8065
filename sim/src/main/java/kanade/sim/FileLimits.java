package kanade.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks {@code ulimit -n} against the number of connections a fleet needs, with the fix in the message. */
public final class FileLimits {
    private FileLimits() {
    }

    /** The soft limit on open files of this process, or -1 when unknown. */
    public static long openFilesLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                    return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** Fails with what to raise when {@code agents} connections (plus headroom) do not fit. */
    public static void requireRoomFor(int agents) {
        long limit = openFilesLimit();
        long needed = agents + 1024L;
        if (limit >= 0 && limit < needed) {
            throw new IllegalStateException("ulimit -n is " + limit + " but " + agents + " agents need about " + needed
                    + " open files (one socket each); raise it first, e.g. `ulimit -n " + Math.max(65536, needed)
                    + "` (the nats-server started by the bench inherits it)");
        }
    }
}
