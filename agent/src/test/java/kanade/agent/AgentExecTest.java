package kanade.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nats.client.Message;
import io.nats.client.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kanade.protocol.wire.Command;
import kanade.protocol.wire.ExecResult;
import kanade.protocol.wire.Json;
import kanade.testkit.NatsServerFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AgentExecTest {
    @RegisterExtension
    @Order(1)
    static final NatsServerFixture nats = NatsServerFixture.withJetStream();
    static final String PC = "pc-exec";
    @RegisterExtension
    @Order(2)
    static final RunningAgentFixture running = RunningAgentFixture.on(nats, PC);
    static final Duration WAIT = Duration.ofSeconds(20);
    static AgentHarness harness;
    static Agent agent;

    @BeforeAll
    static void bind() {
        harness = running.harness();
        agent = running.agent();
    }

    @Test
    void runReturnsStdout() throws Exception {
        ExecResult result = harness.run(PC, AgentHarness.command("sh", "echo hello from kanade", 10), WAIT);
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("hello from kanade\n");
        assertThat(result.pcId()).isEqualTo(PC);
        assertThat(result.resultId()).isNotBlank();
    }

    @Test
    void failingScriptReportsItsExitCodeAndStderr() throws Exception {
        ExecResult result = harness.run(PC, AgentHarness.command("bash", "echo oops >&2; exit 7", 10), WAIT);
        assertThat(result.exitCode()).isEqualTo(7);
        assertThat(result.stderr()).isEqualTo("oops\n");
        assertThat(result.skipped()).isFalse();
    }

    @Test
    void defaultShellIsSh() throws Exception {
        ExecResult result = harness.run(PC, AgentHarness.command(null, "echo $0", 10), WAIT);
        assertThat(result.stdout()).contains("sh");
    }

    @Test
    void killEndsTheWholeProcessTree() throws Exception {
        Command command = AgentHarness.command("sh", "sleep 300 & sleep 301 & wait", 600);
        Subscription results = harness.send(PC, command);
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcFs.descendantsRunning("sleep", "300").size() == 1
                && ProcFs.descendantsRunning("sleep", "301").size() == 1);
        List<Long> sleepers = List.of(ProcFs.descendantsRunning("sleep", "300").get(0),
                ProcFs.descendantsRunning("sleep", "301").get(0));

        Instant sent = Instant.now();
        harness.operator().publish("kill." + command.jobId(), new byte[0]);
        Message message = results.nextMessage(Duration.ofSeconds(2));

        assertThat(message).as("result within 2 s of the kill").isNotNull();
        assertThat(Duration.between(sent, Instant.now())).isLessThan(Duration.ofSeconds(2));
        ExecResult result = Json.decode(message.getData(), ExecResult.class);
        assertThat(result.exitCode()).isEqualTo(-1);
        assertThat(result.stderr()).contains("killed by kill." + command.jobId());
        await().atMost(Duration.ofSeconds(2)).until(() -> sleepers.stream().noneMatch(ProcFs::alive));
    }

    @Test
    void timeoutKillsAndSaysSo() throws Exception {
        ExecResult result = harness.run(PC, AgentHarness.command("sh", "sleep 30", 1), WAIT);
        assertThat(result.exitCode()).isEqualTo(-1);
        assertThat(result.stderr()).contains("timeout after 1s");
        assertThat(Duration.between(result.startedAt(), result.finishedAt())).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void oneMebibyteOfOutputIsTruncatedAndFlagged() throws Exception {
        ExecResult result = harness.run(PC,
                AgentHarness.command("sh", "head -c 1048576 /dev/zero | tr '\\0' a; head -c 300000 /dev/zero | tr '\\0' b >&2", 30),
                WAIT);
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).hasSize(256 * 1024);
        assertThat(result.stdoutTruncated()).isTrue();
        assertThat(result.stderr()).hasSize(256 * 1024);
        assertThat(result.stderrTruncated()).isTrue();
    }

    @Test
    void outputThatWouldEncodeBeyondTheBrokersMaxPayloadIsCappedToFitAndFlagged() throws Exception {
        // 256 KiB of NUL bytes pass the raw output cap but encode to ~1.5 MB of JSON (\u0000 each): more than the
        // broker's 1 MiB max_payload, so the result could never be published and sat in the outbox for ever
        Command command = AgentHarness.command("sh", "head -c 262144 /dev/zero; echo tail >&2", 30);
        ExecResult result = harness.run(PC, command, WAIT);
        assertThat(result.stdoutTruncated()).isTrue();
        assertThat(result.stdout()).isNotEmpty().matches("\u0000+");
        assertThat(result.stderr()).contains("tail");
        long maxPayload = harness.operator().getServerInfo().getMaxPayload();
        assertThat((long) Json.encode(result).length).isLessThanOrEqualTo(maxPayload);
    }

    @Test
    void aJitterBeyondItsBoundIsAnsweredWithAnErrorResultNotADeadThread() throws Exception {
        Command hostile = new Command(Command.ADHOC_ID, Command.ADHOC_VERSION, UUID.randomUUID().toString(), null, "sh",
                "echo never", 10, Long.MAX_VALUE, null, null, null);
        ExecResult result = harness.run(PC, hostile, WAIT);
        assertThat(result.exitCode()).isEqualTo(122);
        assertThat(result.stderr()).contains("jitter_secs");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void aTimeoutBeyondItsBoundIsAnsweredWithAnErrorResultNotAnUnsupervisedScript() throws Exception {
        Command hostile = new Command(Command.ADHOC_ID, Command.ADHOC_VERSION, UUID.randomUUID().toString(), null, "sh",
                "echo never", Long.MAX_VALUE, null, null, null, null);
        ExecResult result = harness.run(PC, hostile, WAIT);
        assertThat(result.exitCode()).isEqualTo(122);
        assertThat(result.stderr()).contains("timeout_secs");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void aRequestIdThatIsNoSubjectTokenIsDroppedWithoutBlockingTheAgent() throws Exception {
        Command hostile = new Command(Command.ADHOC_ID, Command.ADHOC_VERSION, "not a token.>", null, "sh",
                "echo never", 10, null, null, null, null);
        harness.operator().publish(kanade.protocol.subject.Subjects.commandsPc(PC), Json.encode(hostile));
        ExecResult after = harness.run(PC, AgentHarness.command("sh", "echo still here", 10), WAIT);
        assertThat(after.stdout()).isEqualTo("still here\n");
        assertThat(agent.hasTaken("not a token.>")).isFalse();
        await().atMost(WAIT).until(() -> agent.runningJobs() == 0);
    }

    @Test
    void unknownShellGives122AndNamesIt() throws Exception {
        ExecResult result = harness.run(PC, AgentHarness.command("fish", "echo hi", 10), WAIT);
        assertThat(result.exitCode()).isEqualTo(122);
        assertThat(result.stderr()).contains("fish");
    }

    @Test
    void windowsShellOnLinuxGives122() throws Exception {
        ExecResult result = harness.run(PC, AgentHarness.command("powershell", "Get-Date", 10), WAIT);
        assertThat(result.exitCode()).isEqualTo(122);
        assertThat(result.stderr()).contains("powershell");
    }

    @Test
    void runAsUserIsRefusedWith122AndNothingRuns(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path marker = dir.resolve("ran");
        Command asUser = new Command(Command.ADHOC_ID, Command.ADHOC_VERSION, UUID.randomUUID().toString(), null, "sh",
                "touch " + marker, 10, null, "user", null, null);
        ExecResult result = harness.run(PC, asUser, WAIT);
        assertThat(result.exitCode()).isEqualTo(122);
        assertThat(result.stderr()).contains("run_as=user is not implemented");
        assertThat(marker).doesNotExist();
    }

    @Test
    void runAsSystemRuns() throws Exception {
        Command asSystem = new Command(Command.ADHOC_ID, Command.ADHOC_VERSION, UUID.randomUUID().toString(), null,
                "sh", "echo as system", 10, null, "system", null, null);
        assertThat(harness.run(PC, asSystem, WAIT).stdout()).isEqualTo("as system\n");
    }

    @Test
    void passedDeadlineIsSkippedWith125() throws Exception {
        Command late = Command.adhoc(UUID.randomUUID().toString(), null, "sh", "echo never", 10,
                Instant.now().minusSeconds(5));
        ExecResult result = harness.run(PC, late, WAIT);
        assertThat(result.exitCode()).isEqualTo(125);
        assertThat(result.skipped()).isTrue();
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void pingIsAnsweredWithAFreshHeartbeat() throws Exception {
        Message reply = harness.operator().request("agents." + PC + ".ping", new byte[0], Duration.ofSeconds(2));
        var heartbeat = Json.decode(reply.getData(), kanade.protocol.wire.Heartbeat.class);
        assertThat(heartbeat.pcId()).isEqualTo(PC);
        assertThat(heartbeat.instanceId()).isNotBlank();
        assertThat(heartbeat.osFamily()).isEqualTo("linux");
    }

    @Test
    void heartbeatIsPublished() throws Exception {
        Subscription beats = harness.operator().subscribe("heartbeat." + PC);
        harness.operator().flush(Duration.ofSeconds(1));
        agent.heartbeatNow();
        Message message = beats.nextMessage(Duration.ofSeconds(5));
        assertThat(message).isNotNull();
        assertThat(Json.decode(message.getData(), kanade.protocol.wire.Heartbeat.class).pcId()).isEqualTo(PC);
    }
}
