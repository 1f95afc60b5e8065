package kanade.runtime.run;

import io.nats.client.Connection;
import io.nats.client.Message;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import kanade.protocol.subject.Subjects;
import kanade.protocol.wire.Heartbeat;
import kanade.protocol.wire.Json;

/** Asks {@code agents.<pc_id>.ping} and returns the agent's fresh Heartbeat, or empty when nobody answered in time. */
public final class AgentPing {
    private AgentPing() {
    }

    /** Pings {@code pcId}; empty on no responders or timeout. */
    public static Optional<Heartbeat> ping(Connection connection, String pcId, Duration wait) throws InterruptedException {
        CompletableFuture<Message> reply = connection.request(Subjects.agentPing(pcId), new byte[0]);
        try {
            Message message = reply.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null || message.isStatusMessage()) {
                return Optional.empty();
            }
            return Optional.of(Json.decode(message.getData(), Heartbeat.class));
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            reply.cancel(true);
            return Optional.empty();
        }
    }
}
