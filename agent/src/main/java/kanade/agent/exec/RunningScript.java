package kanade.agent.exec;

import java.time.Duration;

/** A started script: wait for it, kill its whole tree, read its capped output. */
public interface RunningScript {

    /** Waits up to {@code timeout}; true when it exited. */
    boolean waitFor(Duration timeout) throws InterruptedException;

    /** Ends the process and all its descendants. Safe to call more than once and from any thread. */
    void killTree();

    /** The exit code; only meaningful after {@link #waitFor} returned true. */
    int exitCode();

    /** Captured stdout, waiting briefly for the reader to finish. */
    CappedOutput.Snapshot stdout();

    /** Captured stderr, waiting briefly for the reader to finish. */
    CappedOutput.Snapshot stderr();

    /** Releases what the run staged (temporary script files). */
    void cleanup();
}
