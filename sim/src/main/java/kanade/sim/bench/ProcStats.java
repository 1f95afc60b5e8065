package kanade.sim.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU seconds and peak RSS of a process, read from /proc (Linux). */
public final class ProcStats {
    private static final double CLOCK_TICKS = 100.0;

    private ProcStats() {
    }

    /** A reading: CPU seconds (user + system) so far and peak RSS in MiB. */
    public record Reading(double cpuSeconds, long peakRssMib, long rssMib) {
        /** CPU seconds used since {@code earlier}. */
        public double cpuSince(Reading earlier) {
            return cpuSeconds - earlier.cpuSeconds;
        }
    }

    /** Reads {@code pid}'s stats, or zeros when it is gone. */
    public static Reading read(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / CLOCK_TICKS;
            long hwm = 0;
            long rss = 0;
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    hwm = kib(line) / 1024;
                } else if (line.startsWith("VmRSS:")) {
                    rss = kib(line) / 1024;
                }
            }
            return new Reading(cpu, hwm, rss);
        } catch (IOException | RuntimeException e) {
            return new Reading(0, 0, 0);
        }
    }

    /** This JVM's reading. */
    public static Reading self() {
        return read(ProcessHandle.current().pid());
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
