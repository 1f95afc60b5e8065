package kanade.agent;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import kanade.protocol.broker.BrokerRole;
import kanade.protocol.subject.Subjects;
import kanade.protocol.wire.Command;
import kanade.protocol.wire.ExecResult;
import kanade.protocol.wire.Json;
import kanade.runtime.jetstream.JetStreamBootstrap;
import kanade.runtime.jetstream.JetStreamLayout;
import kanade.runtime.nats.NatsCredentials;
import kanade.runtime.secret.EnvSecretSource;
import kanade.testkit.NatsServerFixture;

/**
 * Starts real agents against a test broker, with the broker's agent credential, and sends them commands the way the
 * backend does, as the backend role.
 */
public final class AgentHarness implements AutoCloseable {
    private final String natsUrl;
    private final NatsCredentials agentCredentials;
    private final AgentRuntime runtime = AgentRuntime.create(1);
    private final Connection operator;

    public AgentHarness(NatsServerFixture nats) throws Exception {
        this.natsUrl = nats.url();
        this.agentCredentials = agentCredentials(nats);
        // tests restart the broker: reconnect quickly and for ever
        this.operator = Nats.connect(nats.options(BrokerRole.BACKEND).maxReconnects(-1)
                .reconnectWait(Duration.ofMillis(100)).build());
        new JetStreamBootstrap(operator, JetStreamLayout.scaled(0.01)).apply();
    }

    /** The agent credential of {@code nats}'s broker, read as the agent reads it (KANADE_NATS_NKEY_SEED). */
    public static NatsCredentials agentCredentials(NatsServerFixture nats) {
        return NatsCredentials.forAgent(new EnvSecretSource(nats.env(BrokerRole.AGENT)));
    }

    /** Starts an agent named {@code pcId} with its data under {@code dataDir}. */
    public Agent startAgent(String pcId, Path dataDir) throws Exception {
        return Agent.start(settings(pcId, dataDir), runtime);
    }

    /**
     * The settings {@link #startAgent(String, Path)} uses (this broker, its agent credential, a 2 s shutdown grace),
     * to adjust.
     */
    public AgentSettings settings(String pcId, Path dataDir) {
        return AgentSettings.builder(pcId, natsUrl, dataDir).natsCredentials(agentCredentials)
                .shutdownGrace(Duration.ofSeconds(2)).build();
    }

    /** Starts an agent with custom settings. */
    public Agent startAgent(AgentSettings settings) throws Exception {
        return Agent.start(settings, runtime);
    }

    /** The operator-side connection, once it is connected (it reconnects by itself after a broker restart). */
    public Connection operator() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15))
                .until(() -> operator.getStatus() == Connection.Status.CONNECTED);
        return operator;
    }

    /** A fresh ad-hoc command. */
    public static Command command(String shell, String script, long timeoutSecs) {
        return Command.adhoc(UUID.randomUUID().toString(), UUID.randomUUID().toString(), shell, script, timeoutSecs, null);
    }

    /** Subscribes to the command's results, publishes it to {@code pcId}, and returns the subscription. */
    public Subscription send(String pcId, Command command) throws Exception {
        Subscription sub = operator.subscribe(Subjects.results(command.requestId()));
        operator.flush(Duration.ofSeconds(2));
        operator.publish(Subjects.commandsPc(pcId), Json.encode(command));
        operator.flush(Duration.ofSeconds(2));
        return sub;
    }

    /** Sends and waits for the result. */
    public ExecResult run(String pcId, Command command, Duration wait) throws Exception {
        Subscription sub = send(pcId, command);
        Message message = sub.nextMessage(wait);
        sub.unsubscribe();
        if (message == null) {
            throw new AssertionError("no result for " + command.requestId() + " within " + wait);
        }
        return Json.decode(message.getData(), ExecResult.class);
    }

    @Override
    public void close() throws Exception {
        operator.close();
        runtime.close();
    }
}
