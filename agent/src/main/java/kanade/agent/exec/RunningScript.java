package kanade.agent.exec;

import java.time.Duration;

/** A started script: wait for it, kill its whole tree, read its capped output. */
public interface RunningScript {

    /** Waits up to {@code timeout}; true when it exited. */
    boolean waitFor(Duration timeout) throws InterruptedException;

    /** Ends the process and every other process of the job. Safe to call more than once and from any thread. */
    void killTree();

    /** The exit code; only meaningful after {@link #waitFor} returned true. */
    int exitCode();

    /**
     * After the main process ended: ends every process of the job still running (a child holding the output pipe
     * would otherwise stall the output) and returns how many processes besides the main one this run ended, kills
     * included. In-process runs have none.
     */
    default int endRemaining() {
        return 0;
    }

    /** Captured stdout, waiting briefly for the reader to finish. */
    CappedOutput.Snapshot stdout();

    /** Captured stderr, waiting briefly for the reader to finish. */
    CappedOutput.Snapshot stderr();

    /** Ends whatever of the run is still running and releases what it staged (script file, container). */
    void cleanup();
}
