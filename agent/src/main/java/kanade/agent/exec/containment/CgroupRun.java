package kanade.agent.exec.containment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job in its own cgroup v2. The main process enters the cgroup before it runs anything: a small sh writes its own
 * pid into {@code cgroup.procs} and then execs the real command line, so every process the script forks is born
 * inside. Ending the job writes {@code cgroup.kill} (kernel 5.14+), or SIGKILLs each listed pid, until the cgroup is
 * empty; closing removes the directory.
 */
final class CgroupRun implements ContainedRun {
    /** Runs as {@code sh -c ENTER <cgroup.procs> <argv...>}: $0 is the procs file, "$@" the command line. */
    static final String ENTER = "echo $$ > \"$0\" && exec \"$@\"";
    private static final Logger LOG = LoggerFactory.getLogger(CgroupRun.class);

    private final Path dir;
    private final Set<Long> ended = new HashSet<>();
    private volatile Process main;

    CgroupRun(Path dir) {
        this.dir = dir;
    }

    /** {@code argv} wrapped so that it starts inside the cgroup at {@code dir}. */
    static List<String> entering(Path dir, List<String> argv) {
        List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c", ENTER, dir.resolve("cgroup.procs").toString()));
        wrapped.addAll(argv);
        return wrapped;
    }

    @Override
    public void prepare(ProcessBuilder launch) {
        launch.command(entering(dir, launch.command()));
    }

    @Override
    public void started(Process process) {
        this.main = process;
    }

    @Override
    public synchronized int endAll() {
        Process process = main;
        long mainPid = -1;
        if (process != null) {
            // first the main process itself: killed before it entered the cgroup, it never runs the script
            // the handle, not Process.destroyForcibly: that also closes the pipes and would lose unread output
            process.toHandle().destroyForcibly();
            mainPid = process.pid();
        }
        int before = ended.size();
        long skip = mainPid;
        if (!Rounds.repeat(() -> killRound(skip))) {
            LOG.warn("job cgroup {} still holds processes {} after {} s of SIGKILL", dir, procs(), Rounds.LIMIT.toSeconds());
        }
        return ended.size() - before;
    }

    private boolean killRound(long mainPid) {
        List<Long> pids = procs();
        if (pids.isEmpty()) {
            return true;
        }
        pids.stream().filter(pid -> pid != mainPid).forEach(ended::add);
        Path killFile = dir.resolve("cgroup.kill");
        try {
            Files.writeString(killFile, "1");
        } catch (IOException e) {
            pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
        return false;
    }

    private List<Long> procs() {
        try {
            return Files.readAllLines(dir.resolve("cgroup.procs"), StandardCharsets.US_ASCII).stream()
                    .filter(line -> !line.isBlank()).map(line -> Long.parseLong(line.trim())).toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            LOG.warn("cannot read {}: {}", dir.resolve("cgroup.procs"), e.toString());
            return List.of();
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            LOG.warn("cannot remove job cgroup {}: {}", dir, e.toString());
        }
    }
}
