package kanade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nats.client.Connection;
import io.nats.client.Message;
import kanade.protocol.broker.BrokerRole;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import kanade.agent.RunningAgentFixture;
import kanade.protocol.subject.Subjects;
import kanade.protocol.wire.Command;
import kanade.protocol.wire.ExecResult;
import kanade.protocol.wire.Heartbeat;
import kanade.protocol.wire.Json;
import kanade.testkit.NatsServerFixture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** The conventions every command follows: --help, -o json, humantime durations, shell completion. */
class CliConventionsTest {
    @RegisterExtension
    @Order(1)
    static final NatsServerFixture nats = NatsServerFixture.withToken("kanade-cli-test-token");
    static final String PC = "pc-conventions";
    @RegisterExtension
    @Order(2)
    static final RunningAgentFixture running = RunningAgentFixture.on(nats, PC);

    @TestFactory
    Stream<DynamicTest> everyCommandAnswersHelpWithExitZero() {
        List<List<String>> paths = new ArrayList<>();
        collect(KanadeCli.commandLine(), new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(6);
        return paths.stream().map(path -> DynamicTest.dynamicTest("kanade " + String.join(" ", path) + " --help", () -> {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            var outcome = CliRunner.on(nats).run(args.toArray(String[]::new));
            assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
            assertThat(outcome.stdout()).contains(("Usage: kanade " + String.join(" ", path)).strip());
            assertThat(outcome.stderr()).isEmpty();
        }));
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> out) {
        out.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandName().equals(name)) {
                return; // an alias of a command already collected
            }
            List<String> child = new ArrayList<>(path);
            child.add(name);
            collect(sub, child, out);
        });
    }

    @Test
    void runJsonIsTheExecResult() {
        var outcome = CliRunner.on(nats).run("run", "-o", "json", "--server", nats.url(), PC, "--", "echo", "hi");
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        ExecResult result = Json.decode(outcome.stdout(), ExecResult.class);
        assertThat(result.pcId()).isEqualTo(PC);
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("hi\n");
    }

    @Test
    void pingJsonIsTheHeartbeat() {
        var outcome = CliRunner.on(nats).run("ping", "--output", "json", "--server", nats.url(), PC);
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        assertThat(Json.decode(outcome.stdout(), Heartbeat.class).pcId()).isEqualTo(PC);
    }

    @Test
    void jetstreamStatusJsonListsEveryResource() {
        var outcome = CliRunner.on(nats).run("--server", nats.url(), "jetstream", "status", "-o", "json");
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        JsonNode status = Json.decode(outcome.stdout(), JsonNode.class);
        assertThat(status.get("ok").asBoolean()).isTrue();
        assertThat(status.get("resources").findValuesAsText("name")).contains("RESULTS", "AUDIT", "agent_groups");
    }

    @Test
    void jsonErrorCarriesTheSameCodeAsStderr() {
        var outcome = CliRunner.on(nats).run("run", "-o", "json", "--server", nats.url(), "ghost", "--", "true");
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.CLI_ERROR);
        JsonNode error = Json.decode(outcome.stdout(), JsonNode.class).get("error");
        assertThat(error.get("code").asText()).isEqualTo("agent_unreachable");
        assertThat(error.get("message").asText()).contains("ghost");
        assertThat(outcome.stderr()).startsWith("kanade: error[agent_unreachable]: ");
    }

    @ParameterizedTest
    @CsvSource({"5m,300", "30s,30", "45,45", "1h30m,5400"})
    void timeoutAcceptsHumantimeAndBareSeconds(String timeout, long seconds) throws Exception {
        try (Connection watcher = nats.connect(BrokerRole.BACKEND)) {
            var commands = watcher.subscribe(Subjects.commandsPc(PC));
            watcher.flush(Duration.ofSeconds(2));
            var outcome = CliRunner.on(nats).run("run", "--server", nats.url(), "--timeout", timeout, PC, "--", "true");
            assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
            Message message = commands.nextMessage(Duration.ofSeconds(5));
            assertThat(Json.decode(message.getData(), Command.class).timeoutSecs()).isEqualTo(seconds);
        }
    }

    @Test
    void badDurationIsAUsageError() {
        var outcome = CliRunner.on(nats).run("run", "--timeout", "5 parsecs", PC, "--", "true");
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(outcome.stderr()).contains("--timeout").contains("30s");
    }

    @Test
    void aTimeoutOverTheAgentsLimitIsAUsageError() {
        var outcome = CliRunner.on(nats).run("run", "--timeout", "8d", PC, "--", "true");
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(outcome.stderr()).contains("--timeout").contains("7d");
    }

    @Test
    void completionBashPrintsACompletionScript() {
        var outcome = CliRunner.on(nats).run("completion", "bash");
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        assertThat(outcome.stdout()).contains("complete -F").contains("kanade").contains("jetstream");
    }
}
