package kanade.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.nats.client.Message;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executor;
import kanade.agent.dedup.ExecutedRequests;
import kanade.agent.exec.JobRunner;
import kanade.agent.outbox.ResultPublisher;
import kanade.protocol.subject.SubjectToken;
import kanade.protocol.wire.ExecResult;
import kanade.protocol.wire.Json;
import kanade.protocol.wire.WireFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commands that do not decode (a missing field, a wrong type, an out-of-range value): when their request id can
 * still be read, the agent answers once with an error result (exit 122) naming the problem, so the sender learns
 * why instead of waiting; otherwise it logs one line. Publishing runs off the dispatcher thread.
 */
final class MalformedCommands {
    private static final Logger LOG = LoggerFactory.getLogger(MalformedCommands.class);
    private final String pcId;
    private final ExecutedRequests executed;
    private final ResultPublisher results;
    private final Executor executor;
    private final Clock clock;

    MalformedCommands(String pcId, ExecutedRequests executed, ResultPublisher results, Executor executor, Clock clock) {
        this.pcId = pcId;
        this.executed = executed;
        this.results = results;
        this.executor = executor;
        this.clock = clock;
    }

    void refuse(Message message, WireFormatException problem) {
        JsonNode tree = tree(message.getData());
        String requestId = token(tree, "request_id");
        if (requestId == null) {
            LOG.warn("{} - ignored malformed command on {} (no request_id to answer to): {}", pcId,
                    message.getSubject(), problem.getMessage());
            return;
        }
        if (!executed.claim(requestId)) {
            return;
        }
        String why = problem.getMessage().replaceFirst("^[A-Z][A-Za-z]*: ", "");
        LOG.warn("{} - refused malformed command {} on {}: {}", pcId, requestId, message.getSubject(), why);
        Instant now = clock.instant();
        ExecResult result = new ExecResult(JobRunner.newResultId(), requestId, pcId, token(tree, "job_id"),
                ExecResult.EXIT_UNSUPPORTED, "", "kanade: refused a malformed command: " + why,
                false, false, false, now, now, null);
        executor.execute(() -> {
            try {
                results.publish(result);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static JsonNode tree(byte[] data) {
        try {
            return Json.mapper().readTree(data);
        } catch (Exception e) {
            return null;
        }
    }

    private static String token(JsonNode tree, String field) {
        if (tree == null || !tree.path(field).isTextual()) {
            return null;
        }
        String value = tree.path(field).asText();
        return SubjectToken.isValid(value) && value.length() <= 255 ? value : null;
    }
}
