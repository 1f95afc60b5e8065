package kanade.sim.fault;

import java.time.Duration;
import java.util.List;
import kanade.testkit.ChildProcesses;

/** Pausing and resuming a child process (SIGSTOP / SIGCONT), which Java's process API cannot send. */
final class Signals {
    private Signals() {
    }

    /** Freezes {@code pid}: its sockets stay open, it answers nothing. */
    static void pause(long pid) {
        send("-STOP", pid);
    }

    /** Lets a paused {@code pid} run again. */
    static void resume(long pid) {
        send("-CONT", pid);
    }

    private static void send(String signal, long pid) {
        ChildProcesses.run(List.of("kill", signal, Long.toString(pid)), null, Duration.ofSeconds(10));
    }
}
