package kanade.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import kanade.agent.RunningAgentFixture;
import kanade.protocol.wire.ExecResult;
import kanade.protocol.wire.Json;
import kanade.testkit.NatsServerFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * kanade run, ping and kill with a login: through the backend (roles and the audit actor apply), against a real
 * backend, broker with roles and agent; output and exit codes as on the direct broker path.
 */
class CliThroughBackendTest {
    static final String PC = "pc-via-backend";
    @RegisterExtension
    @Order(1)
    static final NatsServerFixture nats = NatsServerFixture.withJetStream();
    @RegisterExtension
    @Order(2)
    static final RunningAgentFixture running = RunningAgentFixture.on(nats, PC);
    @RegisterExtension
    @Order(3)
    static final BackendFixture backend = BackendFixture.on(nats);
    static CliRunner operator;
    static CliRunner viewer;

    @BeforeAll
    static void accounts() {
        operator = backend.loggedIn("operator1", "operator");
        backend.asService().stdin("viewer1-password\n").run("account", "create", "viewer1", "--role", "viewer",
                "--password-stdin");
        String token = backend.asService().run("token", "create", "viewer1-ci", "--username", "viewer1").stdout()
                .strip();
        viewer = backend.cliWith(token);
    }

    @Test
    void aViewerMayNotRunPingOrKill() {
        for (String[] args : new String[][] {{"run", PC, "--", "echo", "no"}, {"ping", PC}, {"kill", "some-job"}}) {
            var outcome = viewer.run(args);
            assertThat(outcome.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCodes.CLI_ERROR);
            assertThat(outcome.stderr()).as(String.join(" ", args)).contains("kanade: error[forbidden]: ")
                    .contains("operator").contains("viewer1 is viewer");
            assertThat(outcome.stdout()).isEmpty();
        }
        assertThat(running.agent().runningJobs()).isZero();
    }

    @Test
    void anOperatorRunsAndIsTheActorInTheAudit() throws Exception {
        var outcome = operator.run("run", "--job-id", "job-by-operator1", PC, "--", "echo", "hello", "backend");

        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        assertThat(outcome.stdout()).isEqualTo("hello backend\n");
        assertThat(outcome.stderr()).contains("job_id: job-by-operator1");
        await().atMost(Duration.ofSeconds(10)).until(() -> audited("operator1", "run").size() > 0);
        JsonNode event = audited("operator1", "run").get(0);
        assertThat(event.get("target").asText()).isEqualTo(PC);
    }

    @Test
    void theScriptsExitCodeIsTheCliExitCode() {
        var outcome = operator.run("run", "--shell", "bash", PC, "--", "echo bad >&2; exit 42");
        assertThat(outcome.exitCode()).isEqualTo(42);
        assertThat(outcome.stderr()).contains("bad");
    }

    @Test
    void runAsJsonPrintsTheExecResult() throws Exception {
        var outcome = operator.run("run", "-o", "json", PC, "--", "echo", "hi");
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        ExecResult result = Json.decode(outcome.stdout().strip().getBytes(), ExecResult.class);
        assertThat(result.stdout()).isEqualTo("hi\n");
        assertThat(result.pcId()).isEqualTo(PC);
    }

    @Test
    void killThroughTheBackendEndsTheRunWith137() throws Exception {
        var run = CompletableFuture.supplyAsync(() -> operator.run("run", "--job-id", "job-kill-via-backend", PC, "--",
                "sleep", "60"));
        await().atMost(Duration.ofSeconds(10)).until(() -> running.agent().runningJobs() == 1);

        var kill = operator.run("kill", "job-kill-via-backend");

        assertThat(kill.exitCode()).as(kill.stderr()).isZero();
        assertThat(kill.stdout()).isEqualTo("kill sent on kill.job-kill-via-backend\n");
        var outcome = run.get(15, TimeUnit.SECONDS);
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.KILLED);
        assertThat(outcome.stderr()).contains("killed by kill.job-kill-via-backend");
        await().atMost(Duration.ofSeconds(10)).until(() -> audited("operator1", "kill").size() > 0);
    }

    @Test
    void aTimedOutScriptExits137() {
        var outcome = operator.run("run", "--timeout", "1s", PC, "--", "sleep", "30");
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.KILLED);
        assertThat(outcome.stderr()).contains("timeout after 1s");
    }

    @Test
    void aTimeoutOverTheBackendsLimitIsRefusedClearly() {
        var outcome = operator.run("run", "--timeout", "2h", PC, "--", "true");
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(outcome.stderr()).contains("--timeout 2h").contains("through the backend").contains("1h")
                .contains("3600");
    }

    @Test
    void pingThroughTheBackendShowsTheHeartbeat() {
        var outcome = operator.run("ping", PC);
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        assertThat(outcome.stdout()).startsWith(PC + " alive: version=");
    }

    @Test
    void pingOfAnUnknownPcIsAgentUnreachable() {
        var outcome = operator.run("ping", "--wait", "1s", "-o", "json", "ghost");
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.CLI_ERROR);
        assertThat(outcome.stderr()).startsWith("kanade: error[agent_unreachable]: no agent answered as ghost");
        assertThat(outcome.stdout()).contains("\"code\":\"agent_unreachable\"");
    }

    private static JsonNode audited(String actor, String action) throws Exception {
        return backend.http().get("/api/audit?actor=" + actor + "&action=" + action).json();
    }
}
