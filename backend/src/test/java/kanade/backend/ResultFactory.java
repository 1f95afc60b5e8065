package kanade.backend;

import io.nats.client.JetStream;
import io.nats.client.PublishOptions;
import java.time.Instant;
import java.util.UUID;
import kanade.protocol.subject.Subjects;
import kanade.protocol.wire.ExecResult;
import kanade.protocol.wire.Json;

/** Builds and publishes ExecResults the way agents do (JetStream, Nats-Msg-Id = result_id). */
public final class ResultFactory {
    private ResultFactory() {
    }

    public static ExecResult result(String pcId, int exitCode, String stdout) {
        Instant now = Instant.now();
        return new ExecResult(UUID.randomUUID().toString(), UUID.randomUUID().toString(), pcId, null, exitCode, stdout, "",
                false, false, false, now.minusMillis(50), now, null);
    }

    public static void publish(JetStream js, ExecResult result) throws Exception {
        js.publish(Subjects.results(result.requestId()), Json.encode(result),
                PublishOptions.builder().messageId(result.resultId()).build());
    }

    /** Publishes under a different message id, so the broker's dedup window does not drop the repeat. */
    public static void publishAgain(JetStream js, ExecResult result) throws Exception {
        js.publish(Subjects.results(result.requestId()), Json.encode(result),
                PublishOptions.builder().messageId(result.resultId() + "-again").build());
    }
}
