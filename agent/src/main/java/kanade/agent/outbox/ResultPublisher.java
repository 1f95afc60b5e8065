package kanade.agent.outbox;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamOptions;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.NatsMessage;
import io.nats.client.PublishOptions;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import kanade.protocol.subject.SubjectToken;
import kanade.protocol.subject.Subjects;
import kanade.protocol.wire.ExecResult;
import kanade.protocol.wire.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes results into the RESULTS stream with {@code Nats-Msg-Id = result_id}. The first attempt goes straight to
 * the broker; when it is not acknowledged (broker down, stream missing, timeout) the result is written to the outbox
 * and retried with jittered back-off until acked, also across agent restarts. A retry after a lost ack is
 * deduplicated by the broker (message id) or by the backend (result_id key).
 */
public final class ResultPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(ResultPublisher.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(15);
    /** How long one publish waits for the stream's ack, the same for the first attempt and every retry. */
    static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(10);

    private final Connection connection;
    private final JetStream jetStream;
    private final Outbox outbox;
    private final String pcId;
    private final AtomicBoolean stopping = new AtomicBoolean();

    public ResultPublisher(Connection connection, Outbox outbox, String pcId) {
        this.connection = connection;
        this.outbox = outbox;
        this.pcId = pcId;
        try {
            // a fleet-wide run makes thousands of agents publish at once: wait for the ack rather than retry early
            this.jetStream = connection.jetStream(JetStreamOptions.builder().requestTimeout(PUBLISH_TIMEOUT).build());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Publishes {@code result}, blocking until acked or {@link #stop()}. Write-ahead: the result is on disk (atomic
     * write, fsync) before the first publish and removed after the ack, so a crash in between loses nothing; if the
     * disk refuses it, it is still published from memory (and said so).
     */
    public boolean publish(ExecResult finished) throws InterruptedException {
        ResultFitter.Encoded result = fitted(finished);
        try {
            outbox.store(result.result().resultId(), result.json());
        } catch (UncheckedIOException e) {
            LOG.error("{} - cannot write result {} to the outbox ({}); publishing from memory only", pcId,
                    result.result().resultId(), e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        }
        return deliver(result);
    }

    private static NatsMessage message(ResultFitter.Encoded encoded) {
        return NatsMessage.builder().subject(Subjects.results(encoded.result().requestId())).data(encoded.json())
                .build();
    }

    static PublishOptions options(ExecResult result) {
        // the per-publish stream timeout wins over the context's request timeout in jnats: set it, or it is 2 s
        return PublishOptions.builder().messageId(result.resultId()).streamTimeout(PUBLISH_TIMEOUT).build();
    }

    /** Publishes, in the background on {@code executor}, whatever an earlier run left in the outbox. */
    public void startDrainingOutbox(java.util.concurrent.Executor executor) {
        executor.execute(() -> {
            try {
                drainOutbox();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /**
     * Publishes whatever an earlier run left in the outbox. No entry blocks the ones behind it: one too large for a
     * message (left by an older version) is cut to fit; one the broker can never take (its request id is no subject
     * token) is set aside with a log line; an unreadable one is set aside and a stand-in result explains it.
     */
    public void drainOutbox() throws InterruptedException {
        for (OutboxEntry entry : outbox.pending()) {
            ExecResult result = switch (entry) {
                case OutboxEntry.Readable readable -> publishable(readable.result());
                case OutboxEntry.Unreadable unreadable -> standIn(unreadable);
            };
            if (result != null && !deliver(fitted(result))) {
                return;
            }
        }
    }

    private ExecResult publishable(ExecResult result) {
        if (SubjectToken.isValid(result.requestId())) {
            return result;
        }
        outbox.quarantine(result.resultId(), "request_id '" + SubjectToken.sanitize(result.requestId())
                + "' is not a subject token, so no results subject exists for it");
        return null;
    }

    private ExecResult standIn(OutboxEntry.Unreadable entry) {
        var standIn = StandIns.forUnreadable(entry, pcId);
        if (standIn.isEmpty()) {
            LOG.error("{} - outbox entry {} was unreadable and names no usable request id; no result can explain it",
                    pcId, entry.resultId());
            return null;
        }
        LOG.warn("{} - result {} for request {} was unreadable on disk; publishing a stand-in (exit {})", pcId,
                entry.resultId(), entry.requestId(), ExecResult.EXIT_RESULT_UNREADABLE);
        outbox.store(entry.resultId(), Json.encode(standIn.get()));
        return standIn.get();
    }

    private ResultFitter.Encoded fitted(ExecResult result) {
        var info = connection.getServerInfo();
        long maxPayload = info == null || info.getMaxPayload() <= 0 ? ResultFitter.DEFAULT_MAX_PAYLOAD
                : info.getMaxPayload();
        ResultFitter.Encoded fitted = ResultFitter.fit(result, maxPayload);
        if (fitted.result() != result) {
            LOG.warn("{} - result {} was over the broker's max_payload ({} bytes) as JSON; output cut to fit and"
                    + " flagged truncated", pcId, result.resultId(), maxPayload);
        }
        return fitted;
    }

    /** Stops retrying (shutdown); unacked results stay in the outbox for the next start. */
    public void stop() {
        stopping.set(true);
    }

    private boolean deliver(ResultFitter.Encoded encoded) throws InterruptedException {
        Duration backoff = FIRST_BACKOFF;
        int attempts = 0;
        ExecResult result = encoded.result();
        NatsMessage message = message(encoded);
        PublishOptions options = options(result);
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
