package kanade.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nats.client.Message;
import io.nats.client.Subscription;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kanade.protocol.broker.BrokerRole;
import kanade.protocol.subject.Subjects;
import kanade.protocol.wire.Command;
import kanade.protocol.wire.ExecResult;
import kanade.protocol.wire.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class AgentLifecycleTest {
    @RegisterExtension
    static final HarnessFixture broker = HarnessFixture.withJetStream();
    @TempDir
    Path dataDir;

    @Test
    void sameRequestIdRunsOnceAlsoAcrossRestart() throws Exception {
        String pc = broker.nats().uniqueName("pc-dedup");
        Command command = AgentHarness.command("sh", "echo once", 10);
        Agent first = broker.harness().startAgent(pc, dataDir);
        Subscription results = broker.harness().send(pc, command);
        broker.harness().operator().publish(Subjects.commandsPc(pc), Json.encode(command));
        assertThat(results.nextMessage(Duration.ofSeconds(10))).isNotNull();
        first.close();

        Agent second = broker.harness().startAgent(pc, dataDir);
        broker.harness().operator().publish(Subjects.commandsPc(pc), Json.encode(command));
        ExecResult fresh = broker.harness().run(pc, AgentHarness.command("sh", "echo fresh", 10), Duration.ofSeconds(10));
        assertThat(fresh.stdout()).isEqualTo("fresh\n");
        // the fresh command was taken after the repeat, so the repeat had its chance: still only one result
        assertThat(results.nextMessage(Duration.ofMillis(300))).isNull();
        second.close();
    }

    @Test
    void shutdownKillsJobsPastTheGraceAndReportsThem() throws Exception {
        String pc = broker.nats().uniqueName("pc-stop");
        Agent agent = broker.harness().startAgent(broker.harness().settings(pc, dataDir)
                .withShutdownGrace(Duration.ofMillis(300)));
        Command command = AgentHarness.command("sh", "sleep 120", 300);
        Subscription results = broker.harness().send(pc, command);
        await().atMost(Duration.ofSeconds(5)).until(() -> agent.runningJobs() == 1);
        agent.close();
        Message message = results.nextMessage(Duration.ofSeconds(5));
        assertThat(message).isNotNull();
        ExecResult result = Json.decode(message.getData(), ExecResult.class);
        assertThat(result.exitCode()).isEqualTo(-1);
        assertThat(result.stderr()).contains("killed by agent shutdown");
    }

    @Test
    void shutdownLetsShortJobsFinish() throws Exception {
        String pc = broker.nats().uniqueName("pc-grace");
        Agent agent = broker.harness().startAgent(broker.harness().settings(pc, dataDir)
                .withShutdownGrace(Duration.ofSeconds(10)));
        Subscription results = broker.harness().send(pc, AgentHarness.command("sh", "sleep 0.5; echo done", 30));
        await().atMost(Duration.ofSeconds(5)).until(() -> agent.runningJobs() == 1);
        agent.close();
        ExecResult result = Json.decode(results.nextMessage(Duration.ofSeconds(5)).getData(), ExecResult.class);
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("done\n");
    }

    @Test
    void aFinishedResultIsOnDiskBeforeItsFirstPublishIsAcknowledgedAndArrivesAfterTheOutage() throws Exception {
        // a crash between the end of a job and the broker's ack must not lose the result: the outbox entry has to
        // exist while the first publish still waits for its ack (up to 10 s with the broker away), not after it;
        // once the broker is back the result is delivered and the entry removed
        String pc = broker.nats().uniqueName("pc-wal");
        Agent agent = broker.harness().startAgent(pc, dataDir);
        Command command = AgentHarness.command("sh", "sleep 1; echo written ahead", 30);
        broker.harness().operator().publish(Subjects.commandsPc(pc), Json.encode(command));
        broker.harness().operator().flush(Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> agent.runningJobs() == 1);
        broker.nats().server().stop();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> outboxEntries() == 1);
        } finally {
            broker.nats().server().restart();
        }
        await().atMost(Duration.ofSeconds(40)).until(() -> storedResults(command.requestId()) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> outboxEntries() == 0);
        agent.close();
    }

    @Test
    void anOversizedOutboxEntryIsCutToFitAndDoesNotBlockTheOnesBehindIt() throws Exception {
        // an entry left by an older version that is too large for one message must not stall every later result
        String pc = broker.nats().uniqueName("pc-poison");
        java.nio.file.Path outbox = java.nio.file.Files.createDirectories(dataDir.resolve("outbox"));
        ExecResult oversized = leftover(pc, "\u0000".repeat(262_144));
        ExecResult normal = leftover(pc, "fine\n");
        java.nio.file.Files.write(outbox.resolve(oversized.resultId() + ".json"), Json.encode(oversized));
        java.nio.file.Files.write(outbox.resolve(normal.resultId() + ".json"), Json.encode(normal));
        java.nio.file.Files.setLastModifiedTime(outbox.resolve(normal.resultId() + ".json"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 1000));

        Agent agent = broker.harness().startAgent(pc, dataDir);
        await().atMost(Duration.ofSeconds(20)).until(() -> storedResults(oversized.requestId()) == 1
                && storedResults(normal.requestId()) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> outboxEntries() == 0);
        agent.close();
    }

    private static ExecResult leftover(String pc, String stdout) {
        java.time.Instant now = java.time.Instant.now();
        return new ExecResult(java.util.UUID.randomUUID().toString(), java.util.UUID.randomUUID().toString(), pc, null,
                0, stdout, "", false, false, false, now, now, null);
    }

    private long outboxEntries() throws java.io.IOException {
        Path outbox = dataDir.resolve("outbox");
        try (var files = java.nio.file.Files.list(outbox)) {
            return files.filter(f -> f.toString().endsWith(".json")).count();
        }
    }

    /** Results stored for {@code requestId}, read on a fresh connection (the broker is restarted by some tests). */
    private static long storedResults(String requestId) {
        try (var connection = broker.nats().connect(BrokerRole.ADMIN)) {
            String subject = Subjects.results(requestId);
            var subjects = connection.jetStreamManagement().getStreamInfo(kanade.protocol.subject.Streams.RESULTS,
                    io.nats.client.api.StreamInfoOptions.filterSubjects(subject)).getStreamState().getSubjects();
            return subjects == null ? 0 : subjects.stream().filter(s -> s.getName().equals(subject))
                    .mapToLong(io.nats.client.api.Subject::getCount).sum();
        } catch (Exception e) {
            return -1;
        }
    }
}
