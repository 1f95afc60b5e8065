package kanade.backend.results;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import kanade.protocol.wire.ExecResult;

/** A stored result as the API shows it: the agent's ExecResult plus when the backend recorded it. */
public record ResultView(@JsonUnwrapped ExecResult result, Instant recordedAt) {
}
