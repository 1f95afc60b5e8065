package kanade.backend.projection;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.ConsumeOptions;
import io.nats.client.IterableConsumer;
import io.nats.client.Message;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
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
 * Projects one stream into the database through a durable pull consumer that keeps pulls flowing (jnats'
 * iterable consumer): take what has arrived, up to a batch, decode it (bad messages
 * become dead letters), write it in one transaction, then ack. A crash between commit and ack re-delivers, which
 * the idempotent upserts make harmless; a database failure NAKs with back-off and is retried, never dropped. When
 * the stream or consumer disappears (deleted, recreated by setup) it re-subscribes by itself. Several backends may
 * share the durable.
 */
public final class StreamProjector<T> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamProjector.class);
    private static final Duration FIRST_WAIT = Duration.ofMillis(250);
    private static final Duration NEXT_WAIT = Duration.ofMillis(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final int IDLE_CHECK_FETCHES = 20;
    /** How long a fetched batch may stay unacked before the broker re-delivers it (a crashed backend's batch). */
    private static final Duration ACK_WAIT = Duration.ofSeconds(10);

    private final Connection connection;
    private final String stream;
    private final String durable;
    private final String filterSubject;
    private final int batchSize;
    private final MessageDecoder<T> decoder;
    private final BatchWriter<T> writer;
    private final ProjectorStats stats = new ProjectorStats();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch finished = new CountDownLatch(1);
    private IterableConsumer subscription;

    public StreamProjector(Connection connection, String stream, String durable, String filterSubject, int batchSize,
                           MessageDecoder<T> decoder, BatchWriter<T> writer) {
        this.connection = connection;
        this.stream = stream;
        this.durable = durable;
        this.filterSubject = filterSubject;
        this.batchSize = batchSize;
        this.decoder = decoder;
        this.writer = writer;
    }

    /** Starts the fetch loop on a named virtual thread. */
    public StreamProjector<T> start() {
        Thread.ofVirtual().name("projector-" + stream).start(this::loop);
        return this;
    }

    /** The projector's counters. */
    public ProjectorStats stats() {
        return stats;
    }

    private void loop() {
        Duration backoff = Duration.ofMillis(200);
        int idleFetches = 0;
        try {
            while (running.get()) {
                try {
                    if (subscription == null) {
                        subscribe();
                        backoff = Duration.ofMillis(200);
                    }
                    List<Message> messages = nextBatch();
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
                    LOG.warn("{} projector: {} ; re-subscribing in {} ms", stream, e.toString(), backoff.toMillis());
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
        Message first = subscription.nextMessage(FIRST_WAIT);
        if (first == null) {
            return List.of();
        }
        List<Message> batch = new ArrayList<>(Math.min(batchSize, 1024));
        batch.add(first);
        while (batch.size() < batchSize) {
            Message next = subscription.nextMessage(NEXT_WAIT);
            if (next == null) {
                break;
            }
            batch.add(next);
        }
        return batch;
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
        try {
            writer.write(rows, dead);
        } catch (Exception e) {
            stats.dbFailures.incrementAndGet();
            LOG.warn("{} projector: database write of {} messages failed ({}); NAK, retry in {} ms", stream,
                    messages.size(), e.getMessage(), backoff.toMillis());
            messages.forEach(m -> m.nakWithDelay(backoff));
            return false;
        }
        messages.forEach(Message::ack);
        stats.projected.addAndGet(rows.size());
        stats.deadLettered.addAndGet(dead.size());
        stats.batches.incrementAndGet();
        return true;
    }

    private void subscribe() throws Exception {
        var jsm = connection.jetStreamManagement();
        jsm.addOrUpdateConsumer(stream, ConsumerConfiguration.builder()
                .durable(durable)
                .filterSubject(filterSubject)
                .ackPolicy(AckPolicy.Explicit)
                .deliverPolicy(DeliverPolicy.All)
                .ackWait(ACK_WAIT)
                .maxAckPending(Math.max(10_000, batchSize * 4))
                .build());
        subscription = connection.getConsumerContext(stream, durable).iterate(ConsumeOptions.builder()
                .batchSize(Math.max(100, Math.min(batchSize * 2, 5000))).build());
        stats.resubscribes.incrementAndGet();
        LOG.debug("{} projector subscribed to durable {}", stream, durable);
    }

    private void verifyConsumer() throws Exception {
        try {
            connection.jetStreamManagement().getConsumerInfo(stream, durable);
        } catch (JetStreamApiException e) {
            LOG.info("{} projector: consumer {} is gone ({}); re-creating", stream, durable, e.getErrorDescription());
            dropSubscription();
        }
    }

    private void dropSubscription() {
        if (subscription != null) {
            try {
                subscription.stop();
                subscription.close();
            } catch (Exception e) {
                LOG.debug("unsubscribe failed: {}", e.toString());
            }
            subscription = null;
        }
    }

    private static Duration next(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
    }

    private void sleep(Duration d) throws InterruptedException {
        long until = System.nanoTime() + d.toNanos();
        while (running.get() && System.nanoTime() < until) {
            Thread.sleep(Math.min(50, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
        }
    }

    /** Stops after the batch in flight is written and acked. */
    @Override
    public void close() throws InterruptedException {
        if (running.compareAndSet(true, false)) {
            finished.await(30, TimeUnit.SECONDS);
        }
    }
}
