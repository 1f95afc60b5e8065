package kanade.sim;

import java.util.concurrent.CompletableFuture;

/**
 * Holds the simulated scripts of a fleet at their end until released, so a fault can change the world (stop the
 * broker) after every agent took a command and before any of them finished it. Released (no hold) until engaged.
 */
public final class ScriptHold {
    private volatile CompletableFuture<Void> released = CompletableFuture.completedFuture(null);

    /** Scripts that start from now on wait for {@link #release()} before they finish. */
    public void engage() {
        released = new CompletableFuture<>();
    }

    /** Lets every held script finish (each after its own script time). */
    public void release() {
        released.complete(null);
    }

    /** What a script starting now waits for. */
    CompletableFuture<Void> current() {
        return released;
    }
}
