package kanade.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nats.client.Message;
import io.nats.client.Subscription;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import kanade.protocol.wire.Command;
import kanade.protocol.wire.ExecResult;
import kanade.protocol.wire.Json;
import kanade.testkit.TempDirs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scripts run from a staged file under the data dir's agent-scripts (0700, each file 0600, gone after the run), not
 * from {@code sh -c <body>}: any size works and the body is on no command line. A real agent on a real broker.
 */
class StagedScriptTest {
    @RegisterExtension
    static final HarnessFixture fixture = HarnessFixture.withJetStream();
    static final String PC = "pc-staged";
    static final Duration WAIT = Duration.ofSeconds(30);
    static Path dataDir;
    static Agent agent;

    @BeforeAll
    static void startAgent() throws Exception {
        dataDir = Files.createTempDirectory("kanade-staged-");
        agent = fixture.harness().startAgent(PC, dataDir);
    }

    @AfterAll
    static void stopAgent() throws Exception {
        agent.close();
        TempDirs.deleteQuietly(dataDir);
    }

    @Test
    void aScriptNearTheBrokersMaxPayloadRunsAndItsFileIsGoneAfterwards() throws Exception {
        // as large as a command may be (the broker's max_payload is 1 MiB, the whole command included): far beyond
        // the ~128 KiB one argv string may hold, which is what sh -c <body> ran into (E2BIG)
        String marker = "end-of-big-script-" + UUID.randomUUID();
        StringBuilder body = new StringBuilder(1_000_100);
        String line = ": padding line to make the script large, about sixty-four bytes\n";
        while (body.length() < 1_000_000) {
            body.append(line);
        }
        body.append("echo ").append(marker).append('\n');

        ExecResult result = fixture.harness().run(PC, AgentHarness.command("sh", body.toString(), 60), WAIT);

        assertThat(result.stderr()).isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo(marker + "\n");
        assertThat(stagedFiles()).isEmpty();
    }

    @Test
    void whileItRunsTheBodyIsOnNoCommandLineAndItsFileIsPrivate() throws Exception {
        Path ready = Files.createTempDirectory("kanade-staged-ready-").resolve("ready");
        String secret = "secret-" + UUID.randomUUID();
        Command command = AgentHarness.command("sh", "# " + secret + "\n: > '" + ready + "'\nsleep 321\necho never\n",
                600);
        Subscription results = fixture.harness().send(PC, command);
        await().atMost(WAIT).until(() -> Files.exists(ready) && ProcFs.descendantsRunning("sleep", "321").size() == 1);

        List<String> lines = ProcessHandle.current().descendants().map(p -> cmdline(p.pid())).toList();
        assertThat(lines).as("command lines of the job's processes").noneMatch(l -> l.contains(secret));
        List<Path> staged = stagedFiles();
        assertThat(staged).hasSize(1);
        assertThat(Files.readString(staged.get(0))).contains(secret);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(staged.get(0)))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(scriptsDir()))).isEqualTo("rwx------");

        fixture.harness().operator().publish("kill." + command.jobId(), new byte[0]);
        Message message = results.nextMessage(WAIT);
        assertThat(message).isNotNull();
        assertThat(Json.decode(message.getData(), ExecResult.class).exitCode()).isEqualTo(ExecResult.EXIT_KILLED);
        assertThat(stagedFiles()).as("staged script after the kill").isEmpty();
        TempDirs.deleteQuietly(ready.getParent());
    }

    @Test
    void scriptsLeftByACrashAreRemovedWhenAnAgentStarts() throws Exception {
        Path otherData = Files.createTempDirectory("kanade-staged-crash-");
        Path stale = Files.createDirectories(otherData.resolve("agent-scripts")).resolve("left-by-a-crash.sh");
        Files.writeString(stale, "echo stale\n");
        try (Agent other = fixture.harness().startAgent("pc-staged-restart", otherData)) {
            assertThat(stale).doesNotExist();
            assertThat(other.runningJobs()).isZero();
        } finally {
            TempDirs.deleteQuietly(otherData);
        }
    }

    private static Path scriptsDir() {
        return dataDir.resolve("agent-scripts");
    }

    private static List<Path> stagedFiles() throws IOException {
        if (!Files.isDirectory(scriptsDir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(scriptsDir())) {
            return files.toList();
        }
    }

    private static String cmdline(long pid) {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(pid), "cmdline"));
        } catch (IOException e) {
            return "";
        }
    }
}
