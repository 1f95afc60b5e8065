package kanade.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import kanade.protocol.subject.Subjects;
import kanade.protocol.wire.ExecResult;
import kanade.protocol.wire.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Commands the agent cannot decode: answered with an error result when their request id can still be read. */
class MalformedCommandTest {
    @RegisterExtension
    static final HarnessFixture broker = HarnessFixture.withJetStream();
    @TempDir
    static Path dataDir;
    static Agent agent;
    static String pc;

    @BeforeAll
    static void start() throws Exception {
        pc = broker.nats().uniqueName("pc-malformed");
        agent = broker.harness().startAgent(pc, dataDir);
    }

    @AfterAll
    static void stop() throws Exception {
        agent.close();
    }

    @Test
    void aCommandMissingItsScriptIsAnsweredWithAnErrorResultNamingTheField() throws Exception {
        String requestId = UUID.randomUUID().toString();
        ExecResult result = send(requestId, "{\"id\":\"adhoc\",\"version\":\"1\",\"request_id\":\"" + requestId
                + "\",\"shell\":\"sh\",\"timeout_secs\":5}");
        assertThat(result.exitCode()).isEqualTo(ExecResult.EXIT_UNSUPPORTED);
        assertThat(result.stderr()).contains("malformed command").contains("script").doesNotContain("Command:");
        assertThat(result.pcId()).isEqualTo(pc);
    }

    @Test
    void aCommandWithAWrongTypeIsAnsweredOnceEvenWhenSentTwice() throws Exception {
        String requestId = UUID.randomUUID().toString();
        String json = "{\"request_id\":\"" + requestId + "\",\"script\":\"true\",\"timeout_secs\":\"soon\"}";
        Connection operator = broker.harness().operator();
        Subscription sub = operator.subscribe(Subjects.results(requestId));
        operator.flush(Duration.ofSeconds(2));
        operator.publish(Subjects.commandsPc(pc), json.getBytes(StandardCharsets.UTF_8));
        operator.publish(Subjects.commandsPc(pc), json.getBytes(StandardCharsets.UTF_8));
        Message first = sub.nextMessage(Duration.ofSeconds(20));
        assertThat(first).isNotNull();
        assertThat(Json.decode(first.getData(), ExecResult.class).stderr()).contains("timeout_secs");
        // a well-formed command published afterwards is answered: by then a second refusal would have arrived too
        ExecResult marker = broker.harness().run(pc, AgentHarness.command("sh", "echo after", 5), Duration.ofSeconds(20));
        assertThat(marker.stdout()).isEqualTo("after\n");
        assertThat(sub.nextMessage(Duration.ofMillis(200))).isNull();
    }

    private static ExecResult send(String requestId, String json) throws Exception {
        Connection operator = broker.harness().operator();
        Subscription sub = operator.subscribe(Subjects.results(requestId));
        operator.flush(Duration.ofSeconds(2));
        operator.publish(Subjects.commandsPc(pc), json.getBytes(StandardCharsets.UTF_8));
        Message message = sub.nextMessage(Duration.ofSeconds(20));
        sub.unsubscribe();
        assertThat(message).as("an error result for " + requestId).isNotNull();
        return Json.decode(message.getData(), ExecResult.class);
    }
}
