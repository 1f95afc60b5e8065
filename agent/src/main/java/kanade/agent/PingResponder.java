package kanade.agent;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Subscription;
import kanade.agent.heartbeat.HeartbeatSource;
import kanade.protocol.subject.Subjects;
import kanade.protocol.wire.Json;
import kanade.runtime.lifecycle.Component;

/**
 * Answers {@code agents.<pc_id>.ping} with a fresh heartbeat. It subscribes after the command subscriptions (on the
 * same connection, so the broker has them first): an agent that answers a ping is ready for the command that follows.
 */
final class PingResponder implements Component {
    private final String pcId;
    private final Connection connection;
    private final Dispatcher dispatcher;
    private final HeartbeatSource heartbeats;
    private Subscription subscription;

    PingResponder(String pcId, Connection connection, Dispatcher dispatcher, HeartbeatSource heartbeats) {
        this.pcId = pcId;
        this.connection = connection;
        this.dispatcher = dispatcher;
        this.heartbeats = heartbeats;
    }

    @Override
    public String name() {
        return "ping";
    }

    @Override
    public void start() {
        subscription = dispatcher.subscribe(Subjects.agentPing(pcId), this::onPing);
        try {
            connection.flush(java.time.Duration.ofSeconds(5));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // not connected yet: the subscription goes out when the connection is up
        }
    }

    @Override
    public void stop() {
        if (subscription != null) {
            dispatcher.unsubscribe(subscription);
            subscription = null;
        }
    }

    private void onPing(Message message) {
        if (message.getReplyTo() != null) {
            connection.publish(message.getReplyTo(), Json.encode(heartbeats.now()));
        }
    }
}
