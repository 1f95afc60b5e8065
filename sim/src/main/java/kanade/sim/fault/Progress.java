package kanade.sim.fault;

import java.io.PrintStream;

/** Progress lines on stderr while a fault runs: {@code [backend-kill +12.3s] message}. */
final class Progress {
    private final String fault;
    private final PrintStream out;
    private final long start = System.nanoTime();

    Progress(String fault, PrintStream out) {
        this.fault = fault;
        this.out = out;
    }

    void say(String format, Object... args) {
        out.printf("[%s +%.1fs] %s%n", fault, seconds(start), String.format(format, args));
    }

    /** Seconds since {@code nanoTime}. */
    static double seconds(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1e9;
    }
}
