package kanade.backend.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import kanade.protocol.wire.Command;
import kanade.protocol.wire.WireFormatException;

/** The body of POST /api/run: pc_id and script are required; timeout_secs defaults to 60 (1 to 3600). */
public record RunRequest(String pcId, String shell, String script, Long timeoutSecs, @JsonAlias("exec_id") String jobId,
                         Long jitterSecs, String runAs) {
    static final long MAX_TIMEOUT_SECS = 3600;

    public RunRequest {
        if (pcId == null || pcId.isBlank()) {
            throw new WireFormatException("pc_id is required");
        }
        if (script == null || script.isBlank()) {
            throw new WireFormatException("script is required");
        }
        timeoutSecs = timeoutSecs == null ? Command.DEFAULT_TIMEOUT_SECS : timeoutSecs;
        if (timeoutSecs < 1 || timeoutSecs > MAX_TIMEOUT_SECS) {
            throw new WireFormatException("timeout_secs must be between 1 and " + MAX_TIMEOUT_SECS);
        }
        if (jitterSecs != null && (jitterSecs < 0 || jitterSecs > Command.MAX_JITTER_SECS)) {
            throw new WireFormatException("jitter_secs must be between 0 and " + Command.MAX_JITTER_SECS + " (1 day)");
        }
    }
}
