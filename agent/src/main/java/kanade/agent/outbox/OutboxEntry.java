package kanade.agent.outbox;

import java.time.Instant;
import kanade.protocol.wire.ExecResult;

/** One entry found in the outbox at start: a result to publish, or a file that no longer reads as one. */
public sealed interface OutboxEntry {
    /** A stored result, as it was written. */
    record Readable(ExecResult result) implements OutboxEntry {
    }

    /**
     * A file that does not parse as a result (torn write, corruption), already moved aside to {@code <id>.json.bad};
     * {@code requestId} is what could still be read from it, or null.
     */
    record Unreadable(String resultId, String requestId, Instant writtenAt, String reason) implements OutboxEntry {
    }
}
