package kanade.runtime.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamOptions;
import io.nats.client.PublishOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import kanade.protocol.subject.Streams;
import kanade.protocol.subject.Subjects;
import kanade.protocol.wire.AuditEvent;
import kanade.protocol.wire.Json;

/** Publishes audit events on {@code audit.<actor>.<action>[.<target>]} into the AUDIT stream, waiting for the ack. */
public final class AuditPublisher {
    /** How long a publish waits for the AUDIT stream's ack (set on each publish: jnats' own default there is 2 s). */
    public static final Duration ACK_TIMEOUT = Duration.ofSeconds(3);

    private final JetStream jetStream;
    private final Clock clock;

    public AuditPublisher(Connection connection, Clock clock) {
        try {
            this.jetStream = connection.jetStream(JetStreamOptions.builder().requestTimeout(ACK_TIMEOUT).build());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        this.clock = clock;
    }

    /** Publishes one event; throws when the broker did not acknowledge it (no AUDIT stream, broker down). */
    public AuditEvent publish(String actor, String action, String target, JsonNode payload) throws Exception {
        AuditEvent event = new AuditEvent(actor, action, target, payload, clock.instant());
        publish(event, UUID.randomUUID().toString());
        return event;
    }

    /** Publishes {@code event} with a fixed message id (a retry is deduplicated by the stream). */
    public void publish(AuditEvent event, String messageId) throws Exception {
        jetStream.publish(Subjects.audit(event.actor(), event.action(), event.target()), Json.encode(event),
                PublishOptions.builder().expectedStream(Streams.AUDIT).messageId(messageId)
                        .streamTimeout(ACK_TIMEOUT).build());
    }
}
