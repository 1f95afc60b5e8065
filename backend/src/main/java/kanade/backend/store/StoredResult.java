package kanade.backend.store;

import java.time.Instant;
import kanade.protocol.wire.ExecResult;

/** An ExecResult as projected: the wire record plus its RESULTS stream sequence and when it was recorded. */
public record StoredResult(ExecResult result, long streamSeq, Instant recordedAt) {
}
