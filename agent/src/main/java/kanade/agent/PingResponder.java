package kanade.agent;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.MessageHandler;
import kanade.agent.heartbeat.HeartbeatSource;
import kanade.protocol.wire.Json;

/**
 * Answers {@code agents.<pc_id>.ping} with a fresh heartbeat. Its subscription starts after the command
 * subscriptions (same connection, so the broker has them first): an agent that answers a ping is ready for the
 * command that follows.
 */
final class PingResponder implements MessageHandler {
    private final Connection connection;
    private final HeartbeatSource heartbeats;

    PingResponder(Connection connection, HeartbeatSource heartbeats) {
        this.connection = connection;
        this.heartbeats = heartbeats;
    }

    @Override
    public void onMessage(Message message) {
        if (message.getReplyTo() != null) {
            connection.publish(message.getReplyTo(), Json.encode(heartbeats.now()));
        }
    }
}
