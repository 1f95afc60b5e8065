package kanade.sim.fault;

import java.nio.file.Path;
import java.time.Duration;

/** One fault of {@code kanade-sim fault}: sets up real processes under a work dir, breaks something, counts. */
interface Fault {
    /** How a fault's {@code agents} are made, which decides its default count. */
    enum Scale {
        /** simulated agents in this JVM */
        FLEET,
        /** simulated agents, many: the reconnect storm */
        STORM,
        /** real agent processes */
        PROCESSES
    }

    /** What one run of a fault is given. */
    record Settings(int agents, Duration offline, Duration timeout) {
    }

    String name();

    Scale scale();

    /** Runs the fault; throws {@link Waits.NotReached} when a step it needs did not happen in time. */
    FaultResult run(Settings settings, Path work, Progress progress) throws Exception;
}
