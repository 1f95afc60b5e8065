package kanade.backend.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.nats.client.Connection;
import java.time.Clock;
import kanade.runtime.audit.AuditPublisher;
import kanade.protocol.wire.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records every mutating API call as an audit event (actor: the caller once auth exists, else {@code api}). */
final class ApiAudit {
    private static final Logger LOG = LoggerFactory.getLogger(ApiAudit.class);
    private final AuditPublisher publisher;

    ApiAudit(Connection connection, Clock clock) {
        this.publisher = new AuditPublisher(connection, clock);
    }

    void record(Context ctx, String action, String target, Object payload) {
        String actor = ctx.attribute("kanade.actor") instanceof String a ? a : "api";
        try {
            JsonNode node = Json.mapper().valueToTree(payload);
            publisher.publish(actor, action, target, node);
        } catch (Exception e) {
            LOG.warn("audit event {} {} {} not recorded: {}", actor, action, target, e.getMessage());
            throw new ApiException(ErrorCode.BROKER_UNAVAILABLE, "the audit event could not be recorded ("
                    + e.getMessage() + "); the action was not performed");
        }
    }
}
