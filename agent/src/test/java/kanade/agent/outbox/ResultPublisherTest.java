package kanade.agent.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import kanade.protocol.wire.ExecResult;
import org.junit.jupiter.api.Test;

class ResultPublisherTest {
    @Test
    void everyPublishWaitsTheConfiguredAckTimeoutNotTheClientDefault() {
        // jnats lets a PublishOptions' own stream timeout (2 s unless set) win over the JetStream context's request
        // timeout: under a fleet-wide burst that 2 s made thousands of needless re-publishes
        ExecResult result = new ExecResult("rid", "req", "pc", null, 0, "", "", false, false, false, Instant.now(),
                Instant.now(), null);
        assertThat(ResultPublisher.options(result).getStreamTimeout()).isEqualTo(ResultPublisher.PUBLISH_TIMEOUT);
        assertThat(ResultPublisher.options(result).getMessageId()).isEqualTo("rid");
    }
}
