package kanade.agent.exec.containment;

/**
 * One job's container: it prepares the launch so that the main process is inside before it runs anything, and at the
 * end of the job (exit, kill or timeout) ends every process still in it. Thread-safe: a kill may race the job's end.
 */
public interface ContainedRun extends AutoCloseable {

    /** Adjusts the launch (argv, environment) before {@code ProcessBuilder.start}. */
    void prepare(ProcessBuilder launch);

    /** Called right after the main process started. */
    void started(Process main);

    /** Ends every process of the job still running, the main one included; returns how many others it ended. */
    int endAll();

    /** Releases the container (its processes must have ended). Never throws. */
    @Override
    void close();
}
