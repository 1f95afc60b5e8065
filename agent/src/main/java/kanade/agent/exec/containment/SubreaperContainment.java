package kanade.agent.exec.containment;

import com.sun.jna.LastErrorException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import kanade.protocol.wire.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fallback when no cgroup can be created: the agent's JVM is the child subreaper
 * ({@code prctl(PR_SET_CHILD_SUBREAPER)}), so a process whose parent exits is re-parented to the agent instead of
 * init, and each job's main process carries {@code KANADE_JOB=<uuid>}, which its children inherit. At the end of a job
 * every process under its main process and every child of the agent with its marker (and their descendants) is
 * killed and reaped. A process that clears its environment and detaches escapes attribution.
 *
 * <p>Orphans that exit on their own before their job ends leave zombies whose environment can no longer be read; each
 * job's end reaps the agent's zombie children that were already zombies at the previous job's end: the JVM reaps the
 * processes it started itself at once, so a zombie that stays is an orphan.
 */
final class SubreaperContainment implements Containment {
    static final String MARKER = "KANADE_JOB";
    private static final Logger LOG = LoggerFactory.getLogger(SubreaperContainment.class);

    private final LinuxLibc libc;
    private final long self = ProcessHandle.current().pid();
    private Set<ProcTable.Key> zombiesSeen = Set.of();

    private SubreaperContainment(LinuxLibc libc) {
        this.libc = libc;
    }

    /** Makes this process a child subreaper (idempotent: the flag is per process) and returns the containment. */
    static Optional<Containment> become() {
        try {
            LinuxLibc libc = LinuxLibc.load();
            libc.prctl(LinuxLibc.PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
            return Optional.of(new SubreaperContainment(libc));
        } catch (LastErrorException | LinkageError e) {
            LOG.debug("cannot become child subreaper: {}", e.toString());
            return Optional.empty();
        }
    }

    @Override
    public String describe() {
        return "the agent as child subreaper, jobs marked with " + MARKER;
    }

    @Override
    public ContainedRun open() {
        return new SubreaperRun(this, Ids.randomUuid());
    }

    /** This process's pid. */
    long self() {
        return self;
    }

    /** Collects the exit status of the agent's child {@code pid} if it is a zombie; never blocks. */
    void reap(long pid) {
        try {
            libc.waitpid((int) pid, null, LinuxLibc.WNOHANG);
        } catch (LastErrorException e) {
            // not (or no longer) our child
        }
    }

    /** Reaps the agent's zombie children that were zombies already at the previous sweep. */
    synchronized void sweepZombies(ProcTable table) {
        Set<ProcTable.Key> now = table.childrenOf(self).stream().filter(ProcTable.Entry::zombie)
                .map(ProcTable.Entry::key).collect(Collectors.toCollection(HashSet::new));
        Set<ProcTable.Key> stale = new HashSet<>(now);
        stale.retainAll(zombiesSeen);
        stale.forEach(key -> reap(key.pid()));
        now.removeAll(stale);
        zombiesSeen = now;
    }
}
