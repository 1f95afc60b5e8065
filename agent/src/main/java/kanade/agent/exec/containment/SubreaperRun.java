package kanade.agent.exec.containment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job under the subreaper fallback: its main process, the main process's descendants, and the agent's children
 * that carry the job's marker (orphans re-parented to the agent) with their descendants.
 */
final class SubreaperRun implements ContainedRun {
    private static final Logger LOG = LoggerFactory.getLogger(SubreaperRun.class);

    private final SubreaperContainment owner;
    private final String uuid;
    private final String marker;
    /** Every process seen as part of the job: a zombie's environment is gone, but it is still ours to reap. */
    private final Set<ProcTable.Key> members = new HashSet<>();
    private final Set<ProcTable.Key> ended = new HashSet<>();
    private volatile Process main;
    private volatile ProcTable.Key mainKey;

    SubreaperRun(SubreaperContainment owner, String uuid) {
        this.owner = owner;
        this.uuid = uuid;
        this.marker = SubreaperContainment.MARKER + "=" + uuid;
    }

    @Override
    public void prepare(ProcessBuilder launch) {
        launch.environment().put(SubreaperContainment.MARKER, uuid);
    }

    @Override
    public void started(Process process) {
        this.mainKey = ProcTable.one(process.pid()).map(ProcTable.Entry::key).orElse(null);
        this.main = process;
    }

    @Override
    public synchronized int endAll() {
        Process process = main;
        if (process == null) {
            return 0;
        }
        // the handle, not Process.destroyForcibly: that also closes the pipes and would lose unread output
        process.toHandle().destroyForcibly();
        int before = ended.size();
        if (!Rounds.repeat(this::killRound)) {
            LOG.warn("processes of job {} still there after {} s of SIGKILL", marker, Rounds.LIMIT.toSeconds());
        }
        owner.sweepZombies(ProcTable.read());
        return ended.size() - before;
    }

    /** Kills what is alive, reaps what is a zombie of the agent; done when nothing of the job is left. */
    private boolean killRound() {
        ProcTable table = ProcTable.read();
        long mainPid = main.pid();
        List<Long> roots = new ArrayList<>();
        // the main process's pid only while it still names the main process (Java reaps it, the pid may be reused)
        if (table.get(mainPid).map(e -> e.key().equals(mainKey)).orElse(false)) {
            roots.add(mainPid);
        }
        for (ProcTable.Entry child : table.childrenOf(owner.self())) {
            if (child.pid() != mainPid
                    && (members.contains(child.key()) || ProcTable.environHas(child.pid(), marker))) {
                roots.add(child.pid());
            }
        }
        boolean left = false;
        for (ProcTable.Entry entry : table.subtree(roots)) {
            if (entry.pid() == mainPid) {
                continue;
            }
            left = true;
            members.add(entry.key());
            if (!entry.zombie()) {
                ended.add(entry.key());
                ProcessHandle.of(entry.pid()).ifPresent(ProcessHandle::destroyForcibly);
            } else if (entry.ppid() == owner.self()) {
                owner.reap(entry.pid());
            }
        }
        return !left;
    }

    @Override
    public void close() {
    }
}
