package kanade.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.nio.file.Path;
import java.time.Duration;
import kanade.runtime.secret.Secret;
import kanade.protocol.subject.Subjects;
import kanade.protocol.wire.Heartbeat;
import kanade.protocol.wire.Json;
import kanade.testkit.NatsServerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class AgentTokenAuthTest {
    private static final String TOKEN = "s3cret-fleet-token";

    @RegisterExtension
    static final NatsServerFixture nats = NatsServerFixture.withToken(TOKEN);
    @TempDir
    Path dir;

    @Test
    void agentConnectsWithTheTokenAndAnswersPings() throws Exception {
        try (AgentRuntime runtime = AgentRuntime.create(1);
             Connection operator = Nats.connect(Options.builder().server(nats.url()).token(TOKEN.toCharArray()).build())) {
            Agent agent = Agent.start(AgentSettings.of("pc-token", nats.url(), dir)
                    .withNatsToken(new Secret(TOKEN, "test")), runtime);
            Message reply = operator.request(Subjects.agentPing("pc-token"), new byte[0], Duration.ofSeconds(5));
            assertThat(Json.decode(reply.getData(), Heartbeat.class).pcId()).isEqualTo("pc-token");
            agent.close();
        }
    }

    @Test
    void tokenNeverShowsInToString() {
        assertThat(new Secret(TOKEN, "env KANADE_NATS_TOKEN").toString()).isEqualTo("***").doesNotContain(TOKEN);
    }
}
