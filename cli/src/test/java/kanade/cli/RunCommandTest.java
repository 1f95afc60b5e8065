package kanade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import kanade.agent.Agent;
import kanade.agent.RunningAgentFixture;
import kanade.testkit.FreePorts;
import kanade.testkit.NatsServerFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RunCommandTest {
    @RegisterExtension
    @Order(1)
    static final NatsServerFixture nats = NatsServerFixture.withJetStream();
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
        var outcome = CliRunner.run("run", "--server", nats.url(), PC, "--", "echo", "hello", "world");
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        assertThat(outcome.stdout()).isEqualTo("hello world\n");
        assertThat(outcome.stderr()).contains("job_id: ");
    }

    @Test
    void failingScriptsExitCodeIsTheCliExitCode() {
        var outcome = CliRunner.run("run", "--server", nats.url(), "--shell", "bash", PC, "--", "echo bad >&2; exit 42");
        assertThat(outcome.exitCode()).isEqualTo(42);
        assertThat(outcome.stderr()).contains("bad");
    }

    @Test
    void unknownPcFailsFastWithExit3() {
        Instant start = Instant.now();
        var outcome = CliRunner.run("run", "--server", nats.url(), "no-such-pc", "--", "echo", "hi");
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(2));
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.NO_AGENT);
        assertThat(outcome.stderr()).contains("no agent answered as no-such-pc");
    }

    @Test
    void jobIdCanBeChosenAndKilledFromTheCli() throws Exception {
        var run = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                CliRunner.run("run", "--server", nats.url(), "--job-id", "job-to-kill", PC, "--", "sleep", "60"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> agent.runningJobs() == 1);
        var kill = CliRunner.run("kill", "--server", nats.url(), "job-to-kill");
        assertThat(kill.exitCode()).isZero();
        var outcome = run.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(outcome.exitCode()).isEqualTo(-1);
        assertThat(outcome.stderr()).contains("killed by kill.job-to-kill");
    }

    @Test
    void pingShowsTheHeartbeat() {
        var outcome = CliRunner.run("ping", "--server", nats.url(), PC);
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.stdout()).contains(PC + " alive");
    }

    @Test
    void pingOfUnknownPcExits3() {
        var outcome = CliRunner.run("ping", "--server", nats.url(), "--wait", "300ms", "ghost");
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.NO_AGENT);
    }

    @Test
    void unreachableBrokerIsOneLineAndExit4() {
        var outcome = CliRunner.run("run", "--server", "nats://127.0.0.1:" + FreePorts.next(), PC, "--", "true");
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.BROKER_UNREACHABLE);
        assertThat(outcome.stderr().strip().lines()).hasSize(1);
        assertThat(outcome.stderr()).contains("cannot reach the NATS broker").doesNotContain("Exception");
    }

    @Test
    void jetstreamStatusShowsEveryResource() {
        var outcome = CliRunner.run("--server", nats.url(), "jetstream", "status");
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        assertThat(outcome.stdout()).contains("RESULTS").contains("present").contains("agent_groups").doesNotContain("MISSING");
    }

    @Test
    void jetstreamSetupExplainsTooLittleStorage() {
        var outcome = CliRunner.run("jetstream", "setup", "--server", nats.url(), "--scale", "50");
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(outcome.stderr()).contains("max_file_store");
    }

    @Test
    void jetstreamSetupReportsEveryResource() {
        var outcome = CliRunner.run("jetstream", "setup", "--server", nats.url(), "--scale", "0.01");
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        assertThat(outcome.stdout()).contains("RESULTS").contains("EXEC").contains("agent_config").contains("agent_releases");
    }
}
