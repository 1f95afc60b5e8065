package kanade.agent.outbox;

import java.util.function.IntFunction;
import kanade.protocol.wire.ExecResult;
import kanade.protocol.wire.Json;

/**
 * Makes a result fit one broker message: the output caps count raw bytes, but JSON can be six times larger (a NUL
 * becomes {@code \u0000}), and a message over the broker's max_payload can never be published. When the encoded
 * result is over the limit (max_payload minus a margin for subject and headers), stdout is cut first (its head is
 * kept), then stderr, each by binary search on its length, and the cut field is flagged as truncated.
 */
final class ResultFitter {
    /** Room kept for the subject, the headers and the protocol line. */
    static final int MARGIN_BYTES = 8 * 1024;
    /** The NATS default, used before the server has told its own. */
    static final long DEFAULT_MAX_PAYLOAD = 1024 * 1024;

    private ResultFitter() {
    }

    /** A result and its JSON, encoded once for the outbox and every publish attempt. */
    record Encoded(ExecResult result, byte[] json) {
        static Encoded of(ExecResult result) {
            return new Encoded(result, Json.encode(result));
        }
    }

    /** {@code result} itself when it fits in {@code maxPayload}, else a copy with its output cut to fit. */
    static Encoded fit(ExecResult result, long maxPayload) {
        long limit = Math.max(1024, maxPayload - MARGIN_BYTES);
        Encoded encoded = Encoded.of(result);
        return encoded.json().length <= limit ? encoded : Encoded.of(cut(result, limit));
    }

    private static ExecResult cut(ExecResult result, long limit) {
        ExecResult cut = shrink(result, limit, length -> withStdout(result, head(result.stdout(), length)),
                result.stdout().length());
        if (size(cut) <= limit) {
            return cut;
        }
        ExecResult noStdout = withStdout(result, "");
        return shrink(noStdout, limit, length -> withStderr(noStdout, head(noStdout.stderr(), length)),
                noStdout.stderr().length());
    }

    private static ExecResult shrink(ExecResult original, long limit, IntFunction<ExecResult> cutTo, int length) {
        int low = 0;
        int high = length;
        ExecResult best = cutTo.apply(0);
        while (low <= high) {
            int middle = (low + high) >>> 1;
            ExecResult candidate = cutTo.apply(middle);
            if (size(candidate) <= limit) {
                best = candidate;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return best;
    }

    private static String head(String text, int length) {
        int end = Math.min(length, text.length());
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    private static long size(ExecResult result) {
        return Json.encode(result).length;
    }

    private static ExecResult withStdout(ExecResult r, String stdout) {
        return new ExecResult(r.resultId(), r.requestId(), r.pcId(), r.jobId(), r.exitCode(), stdout, r.stderr(),
                r.stdoutTruncated() || stdout.length() < r.stdout().length(), r.stderrTruncated(), r.skipped(),
                r.startedAt(), r.finishedAt(), r.manifestId());
    }

    private static ExecResult withStderr(ExecResult r, String stderr) {
        return new ExecResult(r.resultId(), r.requestId(), r.pcId(), r.jobId(), r.exitCode(), r.stdout(), stderr,
                r.stdoutTruncated(), r.stderrTruncated() || stderr.length() < r.stderr().length(), r.skipped(),
                r.startedAt(), r.finishedAt(), r.manifestId());
    }
}
