package kanade.backend.store;

import java.time.Instant;

/** Filters for listing results; null means no filter. */
public record ResultQuery(String pcId, String requestId, ResultStatus status, Instant since, int limit, int offset) {

    /** A query without a request_id filter. */
    public ResultQuery(String pcId, ResultStatus status, Instant since, int limit, int offset) {
        this(pcId, null, status, since, limit, offset);
    }

    /** ok = exit 0 and not skipped; failed = non-zero and not skipped; skipped = skipped. */
    public enum ResultStatus { OK, FAILED, SKIPPED }
}
