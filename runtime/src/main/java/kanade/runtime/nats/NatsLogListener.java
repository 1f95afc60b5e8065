package kanade.runtime.nats;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Consumer;
import io.nats.client.ErrorListener;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs NATS connection events and errors through SLF4J (never silently dropped; flow-control chatter at DEBUG). */
public final class NatsLogListener implements ErrorListener, ConnectionListener {
    private static final Logger LOG = LoggerFactory.getLogger(NatsLogListener.class);
    private final String name;
    /** When the current outage began ({@link System#nanoTime()}), or 0 while connected. */
    private final AtomicLong disconnectedAt = new AtomicLong();

    public NatsLogListener(String name) {
        this.name = name;
    }

    /** Logs each outage at INFO once when it starts and once when it ends, with its length; the rest at DEBUG. */
    @Override
    public void connectionEvent(Connection conn, Events type) {
        switch (type) {
            case DISCONNECTED -> {
                if (disconnectedAt.compareAndSet(0, System.nanoTime())) {
                    LOG.info("{} - nats disconnected; reconnecting", name);
                }
            }
            case RECONNECTED -> {
                long since = disconnectedAt.getAndSet(0);
                long millis = since == 0 ? 0 : (System.nanoTime() - since) / 1_000_000;
                LOG.info("{} - nats reconnected after {} ms", name, millis);
            }
            case CLOSED -> {
                if (disconnectedAt.get() != 0) {
                    // jnats gives up for good on the same login error twice in a row: say so loudly
                    LOG.error("{} - nats connection closed while reconnecting (the broker refused or timed out the "
                            + "login repeatedly); this program no longer talks to the broker: check its credential "
                            + "and restart it", name);
                } else {
                    LOG.debug("{} - nats connection closed", name);
                }
            }
            default -> LOG.debug("{} - nats {}", name, type.getEvent());
        }
    }

    @Override
    public void errorOccurred(Connection conn, String error) {
        LOG.warn("{} - nats server error: {}", name, error);
    }

    @Override
    public void exceptionOccurred(Connection conn, Exception exp) {
        LOG.debug("{} - nats exception: {}", name, exp.toString());
    }

    @Override
    public void slowConsumerDetected(Connection conn, Consumer consumer) {
        LOG.warn("{} - nats slow consumer: messages are being dropped by the client", name);
    }

    @Override
    public void pullStatusWarning(Connection conn, io.nats.client.JetStreamSubscription sub, io.nats.client.support.Status status) {
        LOG.debug("{} - pull status warning: {}", name, status);
    }

    @Override
    public void pullStatusError(Connection conn, io.nats.client.JetStreamSubscription sub, io.nats.client.support.Status status) {
        LOG.warn("{} - pull status error: {}", name, status);
    }

    @Override
    public void flowControlProcessed(Connection conn, io.nats.client.JetStreamSubscription sub, String subject,
                                     FlowControlSource source) {
        LOG.trace("{} - flow control {}", name, subject);
    }
}
