package kanade.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import kanade.protocol.broker.BrokerRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import kanade.agent.Agent;
import kanade.agent.RunningAgentFixture;
import kanade.protocol.subject.Streams;
import kanade.protocol.subject.Subjects;
import kanade.protocol.wire.AuditEvent;
import kanade.protocol.wire.Json;
import kanade.runtime.jetstream.JetStreamBootstrap;
import kanade.runtime.jetstream.JetStreamLayout;
import kanade.testkit.NatsServerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The audit policy from the CLI: run is refused without an audit event, kill always goes out and spools its event. */
class CliAuditTest {
    @RegisterExtension
    @Order(1)
    static final NatsServerFixture nats = NatsServerFixture.withToken("kanade-cli-test-token");
    static final String PC = "pc-audit";
    static final String ACTOR = "auditor";
    @RegisterExtension
    @Order(2)
    static final RunningAgentFixture running = RunningAgentFixture.on(nats, PC);
    static Connection operator;
    static JetStreamManagement jsm;

    @TempDir
    Path stateDir;
    Map<String, String> env;

    @BeforeAll
    static void connect() throws Exception {
        operator = nats.connect(BrokerRole.BACKEND);
        jsm = operator.jetStreamManagement();
    }

    @AfterAll
    static void disconnect() throws Exception {
        operator.close();
    }

    @BeforeEach
    void freshAuditStreamAndSpool() throws Exception {
        env = Map.of(CliEnvironment.STATE_DIR_VAR, stateDir.toString(), "KANADE_ACTOR", ACTOR);
        recreateAudit();
    }

    @Test
    void runIsRefusedAndNothingIsPublishedWhenAuditCannotBeWritten() throws Exception {
        jsm.deleteStream(Streams.AUDIT);
        var commands = operator.subscribe(Subjects.COMMANDS_WILDCARD);
        operator.flush(Duration.ofSeconds(2));

        var outcome = CliRunner.on(nats).with(env).run("run", "--server", nats.url(), PC, "--", "echo", "must not run");

        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.CLI_ERROR);
        assertThat(outcome.stderr()).startsWith("kanade: error[audit_unavailable]: ");
        assertThat(outcome.stdout()).isEmpty();
        operator.publish("commands.sentinel", new byte[0]);
        operator.flush(Duration.ofSeconds(2));
        Message first = commands.nextMessage(Duration.ofSeconds(5));
        assertThat(first.getSubject()).as("the first message after the refused run").isEqualTo("commands.sentinel");
    }

    @Test
    void killStillStopsTheJobWhenAuditCannotBeWritten() throws Exception {
        Agent agent = running.agent();
        var run = CompletableFuture.supplyAsync(() -> CliRunner.on(nats).with(env).run("run", "--server", nats.url(),
                "--job-id", "job-audit-down", PC, "--", "sleep", "60"));
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.runningJobs() == 1);
        jsm.deleteStream(Streams.AUDIT);

        var kill = CliRunner.on(nats).with(env).run("kill", "--server", nats.url(), "job-audit-down");

        assertThat(kill.exitCode()).as(kill.stderr()).isZero();
        assertThat(kill.stderr()).startsWith("warning: kill sent").contains(stateDir.toString());
        assertThat(run.get(10, TimeUnit.SECONDS).exitCode()).isEqualTo(ExitCodes.KILLED);
        assertThat(spooled()).hasSize(1);
    }

    @Test
    void nextCommandWritesTheSpooledKillEvent() throws Exception {
        jsm.deleteStream(Streams.AUDIT);
        assertThat(CliRunner.on(nats).with(env).run("kill", "--server", nats.url(), "job-spooled").exitCode()).isZero();
        assertThat(spooled()).hasSize(1);
        recreateAudit();

        var ping = CliRunner.on(nats).with(env).run("ping", "--server", nats.url(), PC);

        assertThat(ping.exitCode()).as(ping.stderr()).isZero();
        assertThat(ping.stderr()).contains("wrote 1 spooled audit event(s)");
        assertThat(spooled()).isEmpty();
        assertThat(jsm.getStreamInfo(Streams.AUDIT).getStreamState().getMsgCount()).isEqualTo(1);
        var stored = jsm.getLastMessage(Streams.AUDIT, Subjects.audit(ACTOR, "kill", "job-spooled"));
        AuditEvent event = Json.decode(stored.getData(), AuditEvent.class);
        assertThat(event.action()).isEqualTo("kill");
        assertThat(event.target()).isEqualTo("job-spooled");
    }

    private java.util.List<Path> spooled() throws Exception {
        Path dir = stateDir.resolve("audit-spool");
        if (!Files.isDirectory(dir)) {
            return java.util.List.of();
        }
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).toList();
        }
    }

    private static void recreateAudit() throws Exception {
        new JetStreamBootstrap(operator, JetStreamLayout.scaled(0.01)).apply();
    }
}
