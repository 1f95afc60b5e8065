package kanade.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import kanade.protocol.broker.BrokerRole;
import kanade.protocol.subject.Streams;
import kanade.protocol.subject.Subjects;
import kanade.protocol.wire.ExecResult;
import kanade.protocol.wire.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Outbox entries an agent cannot publish as they are: set aside, explained, and never in the way of the others. */
class OutboxQuarantineTest {
    @RegisterExtension
    static final HarnessFixture broker = HarnessFixture.withJetStream();
    @TempDir
    Path dataDir;

    @Test
    void anUnreadableEntryIsQuarantinedAndExplainedByAResultAndTheOthersStillGo() throws Exception {
        String pc = broker.nats().uniqueName("pc-torn");
        Path outbox = Files.createDirectories(dataDir.resolve("outbox"));
        String tornRequest = UUID.randomUUID().toString();
        String tornId = UUID.randomUUID().toString();
        // a torn write (older version, disk trouble): the JSON stops mid-way but the request id is readable
        Files.writeString(outbox.resolve(tornId + ".json"), "{\"result_id\":\"" + tornId + "\",\"request_id\":\""
                + tornRequest + "\",\"pc_id\":\"" + pc + "\",\"exit_code\":0,\"stdout\":\"hal");
        ExecResult normal = result(pc, UUID.randomUUID().toString());
        write(outbox, normal, 1);

        Agent agent = broker.harness().startAgent(pc, dataDir);
        await().atMost(Duration.ofSeconds(20)).until(() -> stored(normal.requestId()) != null
                && stored(tornRequest) != null);
        ExecResult explained = stored(tornRequest);
        assertThat(explained.exitCode()).isEqualTo(ExecResult.EXIT_RESULT_UNREADABLE);
        assertThat(explained.resultId()).isEqualTo(tornId);
        assertThat(explained.stderr()).contains("outbox").contains("unreadable");
        assertThat(quarantined(outbox)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> pending(outbox) == 0);
        agent.close();
    }

    @Test
    void anEntryTheBrokerCanNeverTakeIsQuarantinedAndDoesNotBlockTheOnesBehindIt() throws Exception {
        String pc = broker.nats().uniqueName("pc-badsubj");
        Path outbox = Files.createDirectories(dataDir.resolve("outbox"));
        // left by an older version that did not check request ids: "a b" is no subject token, so no publish can work
        write(outbox, result(pc, "a b"), 0);
        ExecResult normal = result(pc, UUID.randomUUID().toString());
        write(outbox, normal, 1);

        Agent agent = broker.harness().startAgent(pc, dataDir);
        await().atMost(Duration.ofSeconds(20)).until(() -> stored(normal.requestId()) != null);
        await().atMost(Duration.ofSeconds(10)).until(() -> pending(outbox) == 0 && quarantined(outbox) == 1);
        agent.close();
    }

    private static ExecResult result(String pc, String requestId) {
        Instant now = Instant.now();
        return new ExecResult(UUID.randomUUID().toString(), requestId, pc, null, 0, "fine\n", "", false, false, false,
                now, now, null);
    }

    private static void write(Path outbox, ExecResult result, int secondsLater) throws Exception {
        Path file = outbox.resolve(result.resultId() + ".json");
        Files.write(file, Json.encode(result));
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + secondsLater * 1000L));
    }

    private static long pending(Path outbox) throws Exception {
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(f -> f.toString().endsWith(".json")).count();
        }
    }

    private static long quarantined(Path outbox) throws Exception {
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(f -> f.toString().endsWith(".bad")).count();
        }
    }

    /** The stored result for {@code requestId}, or null (read on a fresh connection). */
    private static ExecResult stored(String requestId) {
        try (var connection = broker.nats().connect(BrokerRole.ADMIN)) {
            var message = connection.jetStreamManagement().getLastMessage(Streams.RESULTS, Subjects.results(requestId));
            return Json.decode(message.getData(), ExecResult.class);
        } catch (Exception e) {
            return null;
        }
    }
}
