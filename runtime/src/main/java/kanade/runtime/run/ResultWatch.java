package kanade.runtime.run;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.JetStreamApiException;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.nats.client.api.MessageInfo;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import kanade.protocol.subject.Streams;
import kanade.protocol.subject.Subjects;
import kanade.protocol.wire.ExecResult;
import kanade.protocol.wire.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for the result of one request on {@code results.<request_id>} across broker blips. jnats re-sends the
 * subscription when the connection comes back, but the agent may have published the result while this side was away
 * (it went into RESULTS all the same), so every time the connection is back the newest message on the subject is also
 * read back from the stream.
 */
final class ResultWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ResultWatch.class);
    private static final long POLL_NANOS = Duration.ofMillis(250).toNanos();
    private static final int NOT_FOUND = 404;

    private final Connection connection;
    private final String subject;
    private final AtomicBoolean lookBack = new AtomicBoolean();
    private final ConnectionListener listener = (conn, type) -> {
        if (type == ConnectionListener.Events.RESUBSCRIBED) {
            lookBack.set(true);
        }
    };
    private final Subscription subscription;

    /** Subscribes to the request's results (before the command goes out, so none is missed). */
    ResultWatch(Connection connection, String requestId) {
        this.connection = connection;
        this.subject = Subjects.results(requestId);
        connection.addConnectionListener(listener);
        this.subscription = connection.subscribe(subject);
    }

    /**
     * The result, or empty when none came within {@code wait}.
     *
     * @throws IllegalStateException when the connection closed for good (no more reconnect attempts)
     */
    Optional<ExecResult> await(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        for (long left = wait.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            Message message = subscription.nextMessage(Duration.ofNanos(Math.max(1_000_000, Math.min(left, POLL_NANOS))));
            if (message != null) {
                return Optional.of(Json.decode(message.getData(), ExecResult.class));
            }
            if (lookBack.getAndSet(false)) {
                Optional<ExecResult> stored = stored();
                if (stored.isPresent()) {
                    return stored;
                }
            }
        }
        return Optional.empty();
    }

    /** The newest result on the subject in RESULTS; empty when there is none yet or the broker cannot say now. */
    private Optional<ExecResult> stored() {
        try {
            MessageInfo info = connection.jetStreamManagement().getLastMessage(Streams.RESULTS, subject);
            LOG.debug("result for {} read back from {} after a reconnect", subject, Streams.RESULTS);
            return Optional.of(Json.decode(info.getData(), ExecResult.class));
        } catch (JetStreamApiException e) {
            if (e.getErrorCode() != NOT_FOUND) {
                lookBack.set(true);
                LOG.debug("cannot read {} back yet: {}", subject, e.getMessage());
            }
            return Optional.empty();
        } catch (IOException e) {
            lookBack.set(true);
            LOG.debug("cannot read {} back yet: {}", subject, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        connection.removeConnectionListener(listener);
        try {
            subscription.unsubscribe();
        } catch (IllegalStateException e) {
            LOG.debug("unsubscribe of {} on a closed connection", subject);
        }
    }
}
