package kanade.agent.exec.containment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kanade.protocol.wire.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cgroup v2 per job, {@code kanade-job-<agent pid>-<uuid>} next to the agent's own cgroup: whatever a script forks,
 * detached or not, stays in the job's cgroup and ends with it. Under systemd, give the unit {@code Delegate=yes}.
 */
final class CgroupContainment implements Containment {
    private static final Logger LOG = LoggerFactory.getLogger(CgroupContainment.class);
    private static final Pattern JOB_DIR = Pattern.compile("kanade-job-(\\d{1,18})-.+");

    private final Path parent;
    private final long self = ProcessHandle.current().pid();

    private CgroupContainment(Path parent) {
        this.parent = parent;
    }

    /** The containment under this process's own cgroup, if a job cgroup can be created there and entered. */
    static Optional<Containment> here() {
        Optional<Path> own = CgroupV2.ownDirectory();
        if (own.isEmpty()) {
            LOG.debug("no cgroup v2 in /proc/self/cgroup and /proc/self/mountinfo");
            return Optional.empty();
        }
        CgroupContainment containment = new CgroupContainment(own.get());
        if (!containment.works()) {
            return Optional.empty();
        }
        containment.endOrphanedJobs();
        return Optional.of(containment);
    }

    @Override
    public String describe() {
        return "a cgroup v2 per job under " + parent;
    }

    @Override
    public ContainedRun open() throws IOException {
        return new CgroupRun(Files.createDirectory(parent.resolve("kanade-job-" + self + "-" + Ids.randomUuid())));
    }

    /** Creates a job cgroup and starts {@code true} in it the way a job starts. */
    private boolean works() {
        CgroupRun probe;
        try {
            probe = (CgroupRun) open();
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot create a job cgroup under {}: {}", parent, e.toString());
            return false;
        }
        try {
            ProcessBuilder launch = new ProcessBuilder("true").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            probe.prepare(launch);
            Process process = launch.start();
            boolean entered = process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
            if (!entered) {
                process.destroyForcibly();
                LOG.debug("a process could not enter a job cgroup under {}", parent);
            }
            return entered;
        } catch (IOException e) {
            LOG.debug("cannot start a process in a job cgroup under {}: {}", parent, e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            probe.endAll();
            probe.close();
        }
    }

    /** Ends and removes the job cgroups an agent left behind when it died without ending its jobs. */
    private void endOrphanedJobs() {
        List<Path> dirs;
        try (Stream<Path> listed = Files.list(parent)) {
            dirs = listed.filter(this::orphaned).toList();
        } catch (IOException e) {
            return;
        }
        for (Path dir : dirs) {
            CgroupRun run = new CgroupRun(dir);
            int ended = run.endAll();
            run.close();
            LOG.info("ended {} processes left in {} by an agent that is gone", ended, dir);
        }
    }

    private boolean orphaned(Path dir) {
        Matcher m = JOB_DIR.matcher(dir.getFileName().toString());
        if (!m.matches() || !Files.isDirectory(dir)) {
            return false;
        }
        long owner = Long.parseLong(m.group(1));
        return owner != self && ProcessHandle.of(owner).map(p -> !p.isAlive()).orElse(true);
    }
}
