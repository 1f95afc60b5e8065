package kanade.backend.projection;

import io.nats.client.Message;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a batch, and the one fetched behind it, from being re-delivered while the batch is written: as long as the
 * write runs, tells the broker "still working" ({@code +WPI}, which restarts the ack wait) for each of their messages
 * every {@code every}. A fast write never ticks; a slow database (lock, checkpoint, vacuum) no longer makes the broker
 * send them again.
 */
final class InProgressTicker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InProgressTicker.class);

    private final List<Message> messages;
    private final Supplier<List<Message>> fetchedAhead;
    private final Duration every;
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread thread;

    private InProgressTicker(List<Message> messages, Supplier<List<Message>> fetchedAhead, Duration every,
                             String name) {
        this.messages = messages;
        this.fetchedAhead = fetchedAhead;
        this.every = every;
        this.thread = Thread.ofVirtual().name(name).start(this::tick);
    }

    /** Starts ticking for {@code messages} and what {@code fetchedAhead} holds at each tick, until {@link #close()}. */
    static InProgressTicker during(List<Message> messages, Supplier<List<Message>> fetchedAhead, Duration every,
                                   String name) {
        return new InProgressTicker(messages, fetchedAhead, every, name);
    }

    private void tick() {
        try {
            int ticks = 0;
            while (!done.await(every.toMillis(), TimeUnit.MILLISECONDS)) {
                messages.forEach(Message::inProgress);
                List<Message> ahead = fetchedAhead.get();
                ahead.forEach(Message::inProgress);
                LOG.debug("batch of {} still being written; in-progress sent for it and {} fetched ahead ({} so far)",
                        messages.size(), ahead.size(), ++ticks);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.debug("in-progress not sent: {}", e.toString());
        }
    }

    /** Stops ticking; returns once no tick can follow (so the acks come after the last one). */
    @Override
    public void close() {
        done.countDown();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
