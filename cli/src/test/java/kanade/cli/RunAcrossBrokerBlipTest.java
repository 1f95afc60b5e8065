package kanade.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.Message;
import kanade.protocol.broker.BrokerRole;
import io.nats.client.Subscription;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import kanade.agent.Agent;
import kanade.agent.RunningAgentFixture;
import kanade.protocol.subject.Streams;
import kanade.protocol.subject.Subjects;
import kanade.protocol.wire.Command;
import kanade.protocol.wire.Json;
import kanade.testkit.NatsServerFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code kanade run} rides out a broker blip while it waits for the result: it reconnects and still prints the
 * result, also when the agent published it while the CLI was cut off (then it is read back from RESULTS). Its own
 * broker and agent: the restart disturbs no other class.
 */
class RunAcrossBrokerBlipTest {
    @RegisterExtension
    @Order(1)
    static final NatsServerFixture nats = NatsServerFixture.withToken("kanade-cli-test-token");
    static final String PC = "pc-blip";
    @RegisterExtension
    @Order(2)
    static final RunningAgentFixture running = RunningAgentFixture.on(nats, PC);

    @BeforeEach
    void agentIsConnected() {
        await().atMost(Duration.ofSeconds(30)).until(() -> CliRunner.on(nats).run("ping", "--server", nats.url(), PC)
                .exitCode() == 0);
    }

    @Test
    void aBrokerRestartWhileTheScriptRunsStillPrintsTheResult() throws Exception {
        Agent agent = running.agent();
        var run = CompletableFuture.supplyAsync(() -> CliRunner.on(nats).run("run", "--server", nats.url(), PC, "--",
                "sleep 3; echo survived"));
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.runningJobs() == 1);
        nats.server().restart();
        var outcome = run.get(60, TimeUnit.SECONDS);
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        assertThat(outcome.stdout()).isEqualTo("survived\n");
    }

    @Test
    void aResultPublishedWhileTheCliWasCutOffIsReadBackFromTheStream() throws Exception {
        Agent agent = running.agent();
        try (TcpGate gate = new TcpGate(nats.server().port()); Connection watcher = nats.connect(BrokerRole.BACKEND)) {
            Subscription commands = watcher.subscribe(Subjects.commandsPc(PC));
            watcher.flush(Duration.ofSeconds(2));
            var run = CompletableFuture.supplyAsync(() -> CliRunner.on(nats).run("run", "--server", gate.url(), PC, "--",
                    "sleep 1; echo from the gap"));
            Message sent = commands.nextMessage(Duration.ofSeconds(10));
            assertThat(sent).as("the command went out").isNotNull();
            String requestId = Json.decode(sent.getData(), Command.class).requestId();
            await().atMost(Duration.ofSeconds(10)).until(() -> agent.runningJobs() == 1);
            gate.cut();
            var jsm = watcher.jetStreamManagement();
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                    .until(() -> jsm.getLastMessage(Streams.RESULTS, Subjects.results(requestId)) != null);
            gate.open();
            var outcome = run.get(60, TimeUnit.SECONDS);
            assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
            assertThat(outcome.stdout()).isEqualTo("from the gap\n");
        }
    }
}
