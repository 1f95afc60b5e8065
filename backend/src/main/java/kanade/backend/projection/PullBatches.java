package kanade.backend.projection;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One projector's durable pull consumer, read one batch ahead and never more: while a batch is written, the next one
 * is fetched (so the broker and the database work at the same time), and nothing else is pulled until it is taken.
 * Every message delivered is therefore either in the batch being written or in the one fetched ahead, both of which the
 * projector can keep alive with in-progress acks. Each fetch is a new pull request, so after a broker restart no
 * pull is left waiting for a heartbeat alarm.
 */
final class PullBatches implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PullBatches.class);

    private final Connection connection;
    private final String stream;
    private final String durable;
    private final JetStreamSubscription subscription;
    private final int batchSize;
    private final Duration wait;
    private final ExecutorService fetcher;
    private volatile CompletableFuture<List<Message>> ahead;

    private PullBatches(Connection connection, String stream, String durable, JetStreamSubscription subscription,
                        int batchSize, Duration wait) {
        this.connection = connection;
        this.stream = stream;
        this.durable = durable;
        this.subscription = subscription;
        this.batchSize = batchSize;
        this.wait = wait;
        this.fetcher = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("projector-" + stream + "-fetch")
                .factory());
    }

    /**
     * Creates or updates the durable (explicit acks, from the start, {@code ackWait}) and binds to it; a fetch returns
     * up to {@code batchSize} messages as soon as that many have come or {@code wait} has passed.
     */
    static PullBatches open(Connection connection, String stream, String durable, String filterSubject, int batchSize,
                            Duration ackWait, Duration wait) throws IOException, JetStreamApiException {
        connection.jetStreamManagement().addOrUpdateConsumer(stream, ConsumerConfiguration.builder()
                .durable(durable)
                .filterSubject(filterSubject)
                .ackPolicy(AckPolicy.Explicit)
                .deliverPolicy(DeliverPolicy.All)
                .ackWait(ackWait)
                .maxAckPending(Math.max(10_000, batchSize * 4))
                .build());
        JetStreamSubscription subscription = connection.jetStream()
                .subscribe(null, PullSubscribeOptions.bind(stream, durable));
        return new PullBatches(connection, stream, durable, subscription, batchSize, wait);
    }

    /** The next batch (may be empty); the fetch of the one after it starts now. */
    List<Message> next() throws Exception {
        List<Message> batch;
        if (ahead == null) {
            batch = subscription.fetch(batchSize, wait);
        } else {
            try {
                batch = ahead.get();
            } catch (ExecutionException e) {
                ahead = null;
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
        ahead = CompletableFuture.supplyAsync(() -> subscription.fetch(batchSize, wait), fetcher);
        return batch;
    }

    /** The batch fetched ahead, once it has arrived (for in-progress acks); empty before. */
    List<Message> fetchedAhead() {
        CompletableFuture<List<Message>> next = ahead;
        return next != null && next.isDone() && !next.isCompletedExceptionally() ? next.join() : List.of();
    }

    /** Gives the batch fetched ahead back to the broker (NAK: re-delivered at once), e.g. before a back-off. */
    void releaseAhead() {
        CompletableFuture<List<Message>> next = ahead;
        ahead = null;
        if (next == null) {
            return;
        }
        try {
            next.get().forEach(Message::nak);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException e) {
            LOG.debug("{} fetch ahead ended with {}", stream, e.toString());
        }
    }

    /** Throws when the consumer is gone (stream deleted or recreated), so the caller opens a new one. */
    void verify() throws IOException, JetStreamApiException {
        connection.jetStreamManagement().getConsumerInfo(stream, durable);
    }

    /** Gives back what was fetched ahead and unsubscribes. */
    @Override
    public void close() {
        releaseAhead();
        fetcher.shutdown();
        try {
            subscription.unsubscribe();
        } catch (RuntimeException e) {
            LOG.debug("unsubscribe of {} failed: {}", durable, e.toString());
        }
    }
}
