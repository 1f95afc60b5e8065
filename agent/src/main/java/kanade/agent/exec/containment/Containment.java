package kanade.agent.exec.containment;

import java.io.IOException;

/**
 * Keeps each job's processes together so that all of them end with the job, including children that detach into
 * their own session. One per platform mechanism (cgroup v2, child subreaper, Windows Job Object, process tree),
 * chosen once at agent start by {@link Containments#detect}.
 */
public interface Containment {

    /** What this containment is, for the agent's start-up log line. */
    String describe();

    /** Opens the container for one job, before its main process starts. */
    ContainedRun open() throws IOException;
}
