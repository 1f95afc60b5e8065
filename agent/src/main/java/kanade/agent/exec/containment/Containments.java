package kanade.agent.exec.containment;

import java.util.Optional;
import kanade.runtime.config.OsFamily;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses this machine's {@link Containment} once at agent start: on Linux a cgroup v2 per job when the agent can
 * create one next to its own, else the agent as child subreaper, else the process group and tree; on Windows a Job
 * Object per job. Tests ask for one kind by name.
 */
public final class Containments {
    private static final Logger LOG = LoggerFactory.getLogger(Containments.class);

    private Containments() {
    }

    /** The best containment this machine offers, logged at INFO. */
    public static Containment detect() {
        Containment chosen = choose(OsFamily.current());
        LOG.info("job processes are contained by {}", chosen.describe());
        return chosen;
    }

    private static Containment choose(OsFamily os) {
        return switch (os) {
            case WINDOWS -> WindowsJobContainment.load().orElseGet(ProcessTreeContainment::new);
            case LINUX -> cgroupV2().or(Containments::subreaper).orElseGet(ProcessTreeContainment::new);
            case MACOS -> new ProcessTreeContainment();
        };
    }

    /** A cgroup v2 per job, when this process may create cgroups next to its own and a process can enter one. */
    public static Optional<Containment> cgroupV2() {
        return CgroupContainment.here();
    }

    /** This process as child subreaper plus a per-job marker, when the kernel lets it be one (Linux 3.4+). */
    public static Optional<Containment> subreaper() {
        return SubreaperContainment.become();
    }

    /** The process group and tree only: what is left when nothing better works. */
    public static Containment processTree() {
        return new ProcessTreeContainment();
    }
}
