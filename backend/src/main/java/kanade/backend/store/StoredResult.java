package kanade.backend.store;

import java.time.Instant;
import kanade.protocol.wire.ExecResult;
import org.jdbi.v3.core.mapper.Nested;

/** An ExecResult as projected: the wire record plus its RESULTS stream sequence and when it was recorded. */
public record StoredResult(@Nested ExecResult result, long streamSeq, Instant recordedAt) {
}
