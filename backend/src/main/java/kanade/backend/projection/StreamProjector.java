package kanade.backend.projection;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.JetStreamApiException;
import io.nats.client.Message;
import io.nats.client.api.ConsumerInfo;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import kanade.backend.store.DeadLetter;
import kanade.protocol.wire.WireFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Projects one stream into the database through a durable pull consumer read one batch ahead ({@link PullBatches}):
 * take a batch, decode it (bad messages become dead letters), write it in one transaction while the next one is
 * fetched, then ack; a write slower than a third of the ack wait keeps both alive with in-progress acks
 * ({@link InProgressTicker}), so a slow database does not make the broker re-deliver them. A crash between commit and
 * ack re-delivers, which the idempotent upserts make harmless; a database failure NAKs with back-off and is retried,
 * never dropped. When the stream or consumer disappears (deleted, recreated by setup) it re-subscribes by itself.
 * Every fetch is a new pull request and jnats re-sends the subscription, so when the connection comes back after an
 * outage (a broker restart loses the pending pulls) it goes on at once, cutting any back-off short. Stalls are logged
 * once at each end and shown by {@link #lag()}. Several backends may share the durable.
 */
public final class StreamProjector<T> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamProjector.class);
    private static final Duration FIRST_WAIT = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final int IDLE_CHECK_FETCHES = 20;
    /** How long a fetched batch may stay unacked before the broker re-delivers it (a crashed backend's batch). */
    private static final Duration ACK_WAIT = Duration.ofSeconds(10);
    private static final String BROKER_LOST = "the broker connection is lost";

    private final Connection connection;
    private final String stream;
    private final String durable;
    private final String filterSubject;
    private final int batchSize;
    private final MessageDecoder<T> decoder;
    private final BatchWriter<T> writer;
    private final ProjectorStats stats = new ProjectorStats();
    private final ProjectionProgress progress;
    private final AtomicBoolean running = new AtomicBoolean(true);
    /** Raised by the connection when it is back (subscriptions re-sent): a back-off in progress is cut short. */
    private final AtomicBoolean reconnected = new AtomicBoolean();
    private final ConnectionListener connectionWatch = this::onConnectionEvent;
    private final CountDownLatch finished = new CountDownLatch(1);
    private PullBatches subscription;

    public StreamProjector(Connection connection, String stream, String durable, String filterSubject, int batchSize,
                           MessageDecoder<T> decoder, BatchWriter<T> writer, Clock clock) {
        this.connection = connection;
        this.stream = stream;
        this.durable = durable;
        this.filterSubject = filterSubject;
        this.batchSize = batchSize;
        this.decoder = decoder;
        this.writer = writer;
        this.progress = new ProjectionProgress(stream, clock);
    }

    /** Starts the fetch loop on a named virtual thread. */
    public StreamProjector<T> start() {
        connection.addConnectionListener(connectionWatch);
        Thread.ofVirtual().name("projector-" + stream).start(this::loop);
        return this;
    }

    /** The projector's counters. */
    public ProjectorStats stats() {
        return stats;
    }

    /** The stream this projector reads. */
    public String stream() {
        return stream;
    }

    /** How far behind the stream it is and whether it is stalled (asks the broker for the consumer's counts). */
    public ProjectionLag lag() {
        Long unprojected = null;
        if (connection.getStatus() == Connection.Status.CONNECTED) {
            try {
                ConsumerInfo info = connection.jetStreamManagement().getConsumerInfo(stream, durable);
                unprojected = info.getNumPending() + info.getNumAckPending();
            } catch (Exception e) {
                LOG.debug("{} projector: consumer info unavailable: {}", stream, e.toString());
            }
        }
        return progress.lag(unprojected);
    }

    private void onConnectionEvent(Connection conn, ConnectionListener.Events type) {
        switch (type) {
            case DISCONNECTED -> progress.brokerStalled(BROKER_LOST, "");
            case RECONNECTED, RESUBSCRIBED -> reconnected.set(true);
            default -> {
            }
        }
    }

    private void loop() {
        Duration backoff = Duration.ofMillis(200);
        int idleFetches = 0;
        try {
            while (running.get()) {
                try {
                    if (reconnected.getAndSet(false)) {
                        backoff = Duration.ofMillis(200);
                    }
                    if (connection.getStatus() != Connection.Status.CONNECTED) {
                        progress.brokerStalled(BROKER_LOST, "");
                        sleep(FIRST_WAIT);
                        continue;
                    }
                    if (subscription == null) {
                        subscribe();
                        backoff = Duration.ofMillis(200);
                    }
                    List<Message> messages = nextBatch();
                    if (connection.getStatus() == Connection.Status.CONNECTED) {
                        progress.brokerAnswered();
                    }
                    if (messages.isEmpty()) {
                        if (++idleFetches >= IDLE_CHECK_FETCHES) {
                            idleFetches = 0;
                            verifyConsumer();
                        }
                        continue;
                    }
                    idleFetches = 0;
                    if (!project(messages, backoff)) {
                        sleep(backoff);
                        backoff = next(backoff);
                    } else {
                        backoff = Duration.ofMillis(200);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    if (!running.get()) {
                        return;
                    }
                    progress.brokerStalled("reading from the broker fails", brief(e));
                    LOG.debug("{} projector: {} ; re-subscribing in {} ms", stream, e.toString(), backoff.toMillis());
                    dropSubscription();
                    try {
                        sleep(backoff);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    backoff = next(backoff);
                }
            }
        } finally {
            dropSubscription();
            finished.countDown();
        }
    }

    private List<Message> nextBatch() throws Exception {
        return subscription.next();
    }

    private boolean project(List<Message> messages, Duration backoff) {
        List<T> rows = new ArrayList<>(messages.size());
        List<DeadLetter> dead = new ArrayList<>();
        for (Message message : messages) {
            long seq = message.metaData().streamSequence();
            if (message.metaData().deliveredCount() > 1) {
                stats.redelivered.incrementAndGet();
            }
            try {
                rows.add(decoder.decode(message, seq));
            } catch (WireFormatException | IllegalArgumentException e) {
                LOG.warn("{} seq {} on {} dead-lettered: {}", stream, seq, message.getSubject(), e.getMessage());
                dead.add(new DeadLetter(stream, seq, message.getSubject(), message.getData() == null ? new byte[0]
                        : message.getData(), e.getMessage()));
            }
        }
        try (InProgressTicker ticker = InProgressTicker.during(messages, subscription::fetchedAhead,
                ACK_WAIT.dividedBy(3), "projector-" + stream + "-in-progress")) {
            writer.write(rows, dead);
        } catch (Exception e) {
            stats.dbFailures.incrementAndGet();
            progress.databaseStalled(brief(e));
            LOG.debug("{} projector: database write of {} messages failed ({}); NAK, retry in {} ms", stream,
                    messages.size(), e.getMessage(), backoff.toMillis());
            messages.forEach(m -> m.nakWithDelay(backoff));
            subscription.releaseAhead();
            return false;
        }
        messages.forEach(Message::ack);
        stats.projected.addAndGet(rows.size());
        stats.deadLettered.addAndGet(dead.size());
        stats.batches.incrementAndGet();
        progress.batchWritten();
        return true;
    }

    private void subscribe() throws Exception {
        subscription = PullBatches.open(connection, stream, durable, filterSubject, batchSize, ACK_WAIT, FIRST_WAIT);
        stats.resubscribes.incrementAndGet();
        LOG.debug("{} projector subscribed to durable {}", stream, durable);
    }

    private void verifyConsumer() throws Exception {
        try {
            subscription.verify();
        } catch (JetStreamApiException e) {
            LOG.info("{} projector: consumer {} is gone ({}); re-creating", stream, durable, e.getErrorDescription());
            dropSubscription();
        }
    }

    private void dropSubscription() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    /** The innermost cause in one short line, for the log (a database error may quote a whole statement). */
    private static String brief(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String line = root.getClass().getSimpleName() + ": " + root.getMessage();
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }

    private static Duration next(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
    }

    private void sleep(Duration d) throws InterruptedException {
        long until = System.nanoTime() + d.toNanos();
        while (running.get() && !reconnected.get() && System.nanoTime() < until) {
            Thread.sleep(Math.min(50, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
        }
    }

    /** Stops after the batch in flight is written and acked. */
    @Override
    public void close() throws InterruptedException {
        if (running.compareAndSet(true, false)) {
            connection.removeConnectionListener(connectionWatch);
            finished.await(30, TimeUnit.SECONDS);
        }
    }
}
