package kanade.backend.store;

import java.time.Instant;

/** Filters for listing results; null means no filter. */
public record ResultQuery(String pcId, ResultStatus status, Instant since, int limit, int offset) {

    /** ok = exit 0 and not skipped; failed = non-zero and not skipped; skipped = skipped. */
    public enum ResultStatus { OK, FAILED, SKIPPED }
}
