package kanade.runtime.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import kanade.protocol.wire.AuditEvent;
import kanade.protocol.wire.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kanade's one rule for audited actions, shared by the API and the CLI: the audit event is written first and the
 * action is not performed when it cannot be written ({@link #beforeAction}); the one exception is the emergency stop
 * (kill, later revoke), which always goes out while its event is spooled and retried until written
 * ({@link #emergency}, {@link #retrySpooled}).
 */
public final class AuditPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(AuditPolicy.class);

    private final AuditPublisher publisher;
    private final AuditSpool spool;
    private final Clock clock;

    public AuditPolicy(AuditPublisher publisher, AuditSpool spool, Clock clock) {
        this.publisher = publisher;
        this.spool = spool;
        this.clock = clock;
    }

    /**
     * Writes the event and returns it once the AUDIT stream acknowledged it; call before acting.
     *
     * @throws AuditUnavailableException when it was not acknowledged: do not act
     */
    public AuditEvent beforeAction(String actor, String action, String target, JsonNode payload) {
        AuditEvent event = new AuditEvent(actor, action, target, payload, clock.instant());
        try {
            publisher.publish(event, Ids.randomUuid());
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailableException(action, e);
        } catch (Exception e) {
            LOG.warn("audit event {} {} {} not written ({}); the action is refused", actor, action, target,
                    e.getMessage());
            throw new AuditUnavailableException(action, e);
        }
    }

    /**
     * Records an emergency stop that has already been sent (or is about to be): tries once, and when the event cannot
     * be written, spools it for {@link #retrySpooled}. Never throws for an audit failure; returns whether it was
     * written now.
     */
    public boolean emergency(String actor, String action, String target, JsonNode payload) {
        AuditSpool.Pending pending = new AuditSpool.Pending(Ids.randomUuid(),
                new AuditEvent(actor, action, target, payload, clock.instant()));
        try {
            publisher.publish(pending.event(), pending.messageId());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("audit event {} {} {} not written yet ({}); spooled in {} and retried", actor, action, target,
                    e.getMessage(), spool.dir());
        }
        spool.store(pending);
        return false;
    }

    /** Publishes spooled events until one fails; returns how many are still waiting. */
    public int retrySpooled() throws InterruptedException {
        var pending = spool.pending();
        int left = pending.size();
        for (AuditSpool.Pending entry : pending) {
            try {
                publisher.publish(entry.event(), entry.messageId());
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                LOG.debug("spooled audit events still not written: {}", e.getMessage());
                return left;
            }
            spool.remove(entry.messageId());
            left--;
        }
        return left;
    }
}
