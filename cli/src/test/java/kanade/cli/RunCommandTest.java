package kanade.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.Message;
import kanade.protocol.broker.BrokerRole;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import kanade.agent.Agent;
import kanade.agent.RunningAgentFixture;
import kanade.protocol.subject.Subjects;
import kanade.protocol.wire.Command;
import kanade.protocol.wire.Json;
import kanade.runtime.run.RemoteRun;
import kanade.testkit.FreePorts;
import kanade.testkit.NatsServerFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RunCommandTest {
    @RegisterExtension
    @Order(1)
    static final NatsServerFixture nats = NatsServerFixture.withToken("kanade-cli-test-token");
    static final String PC = "pc-cli";
    @RegisterExtension
    @Order(2)
    static final RunningAgentFixture running = RunningAgentFixture.on(nats, PC);
    static Agent agent;

    @BeforeAll
    static void bind() {
        agent = running.agent();
    }

    @Test
    void runPrintsStdoutAndExitsZero() {
        var outcome = CliRunner.on(nats).run("run", "--server", nats.url(), PC, "--", "echo", "hello", "world");
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        assertThat(outcome.stdout()).isEqualTo("hello world\n");
        assertThat(outcome.stderr()).contains("job_id: ");
    }

    @Test
    void failingScriptsExitCodeIsTheCliExitCode() {
        var outcome = CliRunner.on(nats).run("run", "--server", nats.url(), "--shell", "bash", PC, "--", "echo bad >&2; exit 42");
        assertThat(outcome.exitCode()).isEqualTo(42);
        assertThat(outcome.stderr()).contains("bad");
    }

    @Test
    void unknownPcFailsFastAsAgentUnreachable() {
        Instant start = Instant.now();
        var outcome = CliRunner.on(nats).run("run", "--server", nats.url(), "no-such-pc", "--", "echo", "hi");
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(2));
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.CLI_ERROR);
        assertThat(outcome.stderr()).startsWith("kanade: error[agent_unreachable]: no agent answered as no-such-pc");
    }

    @Test
    void killedScriptExits137() throws Exception {
        var run = CompletableFuture.supplyAsync(() ->
                CliRunner.on(nats).run("run", "--server", nats.url(), "--job-id", "job-to-kill", PC, "--", "sleep", "60"));
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.runningJobs() == 1);
        var kill = CliRunner.on(nats).run("kill", "--server", nats.url(), "job-to-kill");
        assertThat(kill.exitCode()).as(kill.stderr()).isZero();
        var outcome = run.get(10, TimeUnit.SECONDS);
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.KILLED).isEqualTo(137);
        assertThat(outcome.stderr()).contains("killed by kill.job-to-kill");
    }

    @Test
    void timedOutScriptExits137() {
        var outcome = CliRunner.on(nats).run("run", "--server", nats.url(), "--timeout", "1s", PC, "--", "sleep", "30");
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.KILLED);
        assertThat(outcome.stderr()).contains("timeout after 1s");
    }

    @Test
    void runSetsDeadlineAtToTimeoutPlusSlack() throws Exception {
        try (Connection watcher = nats.connect(BrokerRole.BACKEND)) {
            var commands = watcher.subscribe(Subjects.commandsPc(PC));
            watcher.flush(Duration.ofSeconds(2));
            Instant before = Instant.now();
            var outcome = CliRunner.on(nats).run("run", "--server", nats.url(), "--timeout", "2m", PC, "--", "true");
            Instant after = Instant.now();
            assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
            Message message = commands.nextMessage(Duration.ofSeconds(5));
            Command command = Json.decode(message.getData(), Command.class);
            assertThat(command.timeoutSecs()).isEqualTo(120);
            assertThat(command.deadlineAt())
                    .isAfterOrEqualTo(before.plusSeconds(120).plus(kanade.runtime.run.AuditedRun.DEADLINE_SLACK).truncatedTo(ChronoUnit.SECONDS))
                    .isBeforeOrEqualTo(after.plusSeconds(120).plus(kanade.runtime.run.AuditedRun.DEADLINE_SLACK));
        }
    }

    @Test
    void pingShowsTheHeartbeat() {
        var outcome = CliRunner.on(nats).run("ping", "--server", nats.url(), PC);
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.stdout()).contains(PC + " alive");
    }

    @Test
    void pingOfUnknownPcIsAgentUnreachable() {
        var outcome = CliRunner.on(nats).run("ping", "--server", nats.url(), "--wait", "300ms", "ghost");
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.CLI_ERROR);
        assertThat(outcome.stderr()).startsWith("kanade: error[agent_unreachable]: ");
    }

    @Test
    void unreachableBrokerIsOneLineAndBrokerUnreachable() {
        var outcome = CliRunner.on(nats).run("run", "--server", "nats://127.0.0.1:" + FreePorts.next(), PC, "--", "true");
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.CLI_ERROR);
        assertThat(outcome.stderr().strip().lines()).hasSize(1);
        assertThat(outcome.stderr()).startsWith("kanade: error[broker_unreachable]: cannot reach the NATS broker")
                .doesNotContain("Exception");
    }

    @Test
    void jetstreamStatusShowsEveryResource() {
        var outcome = CliRunner.on(nats).run("--server", nats.url(), "jetstream", "status");
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        assertThat(outcome.stdout()).contains("RESULTS").contains("present").contains("agent_groups").doesNotContain("MISSING");
    }

    @Test
    void jetstreamSetupExplainsTooLittleStorageAsRefused() {
        var outcome = CliRunner.on(nats).run("jetstream", "setup", "--server", nats.url(), "--scale", "50");
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.CLI_ERROR);
        assertThat(outcome.stderr()).startsWith("kanade: error[refused]: ").contains("max_file_store");
    }

    @Test
    void jetstreamSetupReportsEveryResource() {
        var outcome = CliRunner.on(nats).run("jetstream", "setup", "--server", nats.url(), "--scale", "0.01");
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        assertThat(outcome.stdout()).contains("RESULTS").contains("EXEC").contains("agent_config").contains("agent_releases");
    }
}
