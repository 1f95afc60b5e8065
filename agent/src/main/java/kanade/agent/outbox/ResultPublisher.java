package kanade.agent.outbox;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.NatsMessage;
import io.nats.client.PublishOptions;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import kanade.protocol.subject.Streams;
import kanade.protocol.subject.Subjects;
import kanade.protocol.wire.ExecResult;
import kanade.protocol.wire.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes results into the RESULTS stream with {@code Nats-Msg-Id = result_id}, retrying with jittered back-off
 * until the broker acknowledges; the outbox keeps each result on disk until then.
 */
public final class ResultPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(ResultPublisher.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(15);

    private final JetStream jetStream;
    private final Outbox outbox;
    private final String pcId;
    private final AtomicBoolean stopping = new AtomicBoolean();

    public ResultPublisher(Connection connection, Outbox outbox, String pcId) {
        this.outbox = outbox;
        this.pcId = pcId;
        try {
            this.jetStream = connection.jetStream();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Stores then publishes {@code result}, blocking until acked or {@link #stop()} (it then stays in the outbox). */
    public boolean publish(ExecResult result) throws InterruptedException {
        outbox.store(result);
        return deliver(result);
    }

    /** Publishes whatever an earlier run left in the outbox. */
    public void drainOutbox() throws InterruptedException {
        for (ExecResult result : outbox.pending()) {
            if (!deliver(result)) {
                return;
            }
        }
    }

    /** Stops retrying (shutdown); unacked results stay in the outbox for the next start. */
    public void stop() {
        stopping.set(true);
    }

    private boolean deliver(ExecResult result) throws InterruptedException {
        Duration backoff = FIRST_BACKOFF;
        int attempts = 0;
        NatsMessage message = NatsMessage.builder()
                .subject(Subjects.results(result.requestId()))
                .data(Json.encode(result))
                .build();
        PublishOptions options = PublishOptions.builder().messageId(result.resultId()).expectedStream(Streams.RESULTS).build();
        while (!stopping.get()) {
            attempts++;
            try {
                PublishAck ack = jetStream.publish(message, options);
                outbox.remove(result.resultId());
                if (attempts > 1) {
                    LOG.info("{} - result {} published after {} attempts (seq {})", pcId, result.resultId(), attempts,
                            ack.getSeqno());
                }
                return true;
            } catch (Exception e) {
                if (e instanceof InterruptedException ie) {
                    throw ie;
                }
                if (attempts == 1 || attempts % 20 == 0) {
                    LOG.warn("{} - result {} not acked yet ({}); kept in outbox, retrying", pcId, result.resultId(),
                            e.getMessage());
                }
            }
            long jittered = backoff.toMillis() / 2 + ThreadLocalRandom.current().nextLong(backoff.toMillis() / 2 + 1);
            Thread.sleep(jittered);
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
        return false;
    }
}
