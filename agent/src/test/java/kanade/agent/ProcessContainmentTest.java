package kanade.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.nats.client.Message;
import io.nats.client.Subscription;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import kanade.agent.exec.ProcessScriptRunner;
import kanade.agent.exec.ShellCatalog;
import kanade.agent.exec.containment.Containment;
import kanade.agent.exec.containment.Containments;
import kanade.protocol.wire.Command;
import kanade.protocol.wire.ExecResult;
import kanade.protocol.wire.Json;
import kanade.runtime.config.OsFamily;
import kanade.testkit.NatsServerFixture;
import kanade.testkit.TempDirs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A job's processes end with the job, also those that detach into their own session or outlive the main shell, with
 * each containment this Linux box offers: a cgroup v2 per job and, forced by construction, the agent as child
 * subreaper. Each kind runs its own real agent on a real broker; the scripts are real sh processes.
 */
class ProcessContainmentTest {
    @RegisterExtension
    @Order(1)
    static final NatsServerFixture nats = NatsServerFixture.withJetStream();
    static final Duration WAIT = Duration.ofSeconds(30);
    static final int EACH = 10;
    /** 3 x EACH detached children: setsid'd, nohup'd, and double-forked into their own session. */
    static final String SPAWN = "i=0\n"
            + "while [ $i -lt " + EACH + " ]; do\n"
            + "  setsid sleep 300 &\n"
            + "  echo $!\n"
            + "  nohup sleep 300 >/dev/null 2>&1 &\n"
            + "  echo $!\n"
            + "  ( setsid sleep 300 >/dev/null 2>&1 & echo $! )\n"
            + "  i=$((i+1))\n"
            + "done\n";
    static final Map<String, Agent> agents = new HashMap<>();
    /** What the current test saw its script start, ended after the test whatever happened (a failing run leaks). */
    static final List<Long> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    static AgentHarness harness;
    static AgentRuntime runtime;
    static Path root;

    @BeforeAll
    static void startAgents() throws Exception {
        harness = new AgentHarness(nats);
        runtime = AgentRuntime.create(1);
        root = Files.createTempDirectory("kanade-containment-");
        start("cgroup", Containments::cgroupV2);
        start("subreaper", Containments::subreaper);
    }

    private static void start(String kind, Supplier<Optional<Containment>> containment) throws Exception {
        Optional<Containment> chosen = containment.get();
        if (chosen.isEmpty()) {
            return;
        }
        AgentSettings settings = harness.settings("pc-" + kind, root.resolve(kind));
        agents.put(kind, Agent.start(settings, runtime, new ProcessScriptRunner(ShellCatalog.forPlatform(OsFamily.LINUX),
                settings.dataDir(), settings.maxOutputBytes(), runtime.virtualThreads(), chosen.get())));
    }

    @AfterAll
    static void stopAgents() throws Exception {
        for (Agent agent : agents.values()) {
            agent.close();
        }
        runtime.close();
        harness.close();
        TempDirs.deleteQuietly(root);
    }

    @AfterEach
    void endWhatATestLeft() {
        // only our sleepers: a pid of a process that ended may already name someone else's process
        seen.stream().filter(pid -> cmdline(pid).equals("sleep\0" + "300\0"))
                .forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        seen.clear();
    }

    static Stream<String> kinds() {
        return Stream.of("cgroup", "subreaper");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void detachedChildrenEndWhenTheScriptExitsAndTheResultCountsThem(String kind) throws Exception {
        String pc = pcOf(kind);
        ExecResult result = harness.run(pc, AgentHarness.command("sh", SPAWN + "exit 0\n", 60), WAIT);

        List<Long> pids = pids(result.stdout());
        assertThat(result.exitCode()).isZero();
        assertThat(pids).hasSize(3 * EACH);
        assertThat(pids).as("detached children still alive after the result").noneMatch(ProcFs::alive);
        assertThat(result.stderr()).contains("kanade: ended " + 3 * EACH + " leftover processes of this job");
        assertThat(CgroupDirs.ofThisJvm()).as("job cgroups left behind").isEmpty();
        if (kind.equals("subreaper")) {
            // the orphans were re-parented to this JVM: it must have reaped them, not kept them as zombies
            assertThat(pids).as("zombie children of the agent").noneMatch(ProcessContainmentTest::zombieChildOfThisJvm);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void killEndsTheDetachedChildrenToo(String kind) throws Exception {
        String pc = pcOf(kind);
        Path dir = Files.createTempDirectory(root, "kill-");
        Path pidFile = dir.resolve("pids");
        Path ready = dir.resolve("ready");
        Command command = AgentHarness.command("sh", "{\n" + SPAWN + "} > '" + pidFile + "'\n: > '" + ready + "'\n"
                + "exec sleep 300\n", 600);
        Subscription results = harness.send(pc, command);
        await().atMost(WAIT).until(() -> Files.exists(ready));
        List<Long> pids = pids(Files.readString(pidFile));
        assertThat(pids).hasSize(3 * EACH).allMatch(ProcFs::alive);

        harness.operator().publish("kill." + command.jobId(), new byte[0]);
        Message message = results.nextMessage(WAIT);

        assertThat(message).as("result after the kill").isNotNull();
        ExecResult result = Json.decode(message.getData(), ExecResult.class);
        assertThat(result.exitCode()).isEqualTo(ExecResult.EXIT_KILLED);
        assertThat(result.stderr()).contains("killed by kill." + command.jobId())
                .contains("kanade: ended " + 3 * EACH + " leftover processes of this job");
        assertThat(pids).as("detached children still alive after the kill").noneMatch(ProcFs::alive);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aTimeoutEndsTheDetachedChildrenToo(String kind) throws Exception {
        String pc = pcOf(kind);
        ExecResult result = harness.run(pc, AgentHarness.command("sh", SPAWN + "exec sleep 300\n", 5), WAIT);

        List<Long> pids = pids(result.stdout());
        assertThat(result.exitCode()).isEqualTo(ExecResult.EXIT_KILLED);
        assertThat(result.stderr()).contains("timeout after 5s")
                .contains("kanade: ended " + pids.size() + " leftover processes of this job");
        assertThat(pids).hasSize(3 * EACH);
        assertThat(pids).as("detached children still alive after the timeout").noneMatch(ProcFs::alive);
    }

    private static String pcOf(String kind) {
        assumeTrue(agents.containsKey(kind), kind + " containment is not available on this machine");
        return agents.get(kind).settings().pcId();
    }

    private static String cmdline(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"));
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean zombieChildOfThisJvm(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return rest[0].equals("Z") && Long.parseLong(rest[1]) == ProcessHandle.current().pid();
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Long> pids(String lines) {
        List<Long> pids = lines.lines().filter(l -> !l.isBlank()).map(String::trim).map(Long::valueOf).toList();
        seen.addAll(pids);
        return pids;
    }

    /** The job cgroups this JVM's agents created ({@code kanade-job-<jvm pid>-*}) anywhere under the v2 mount. */
    static final class CgroupDirs {
        private CgroupDirs() {
        }

        static List<Path> ofThisJvm() throws IOException {
            String prefix = "kanade-job-" + ProcessHandle.current().pid() + "-";
            Optional<Path> mount = Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                    .filter(line -> line.contains(" - cgroup2 "))
                    .map(line -> Path.of(line.split(" ")[4]))
                    .findFirst();
            if (mount.isEmpty()) {
                return List.of();
            }
            try (Stream<Path> found = Files.find(mount.get(), 8,
                    (path, attrs) -> attrs.isDirectory() && path.getFileName() != null
                            && path.getFileName().toString().startsWith(prefix))) {
                return found.toList();
            }
        }
    }
}
