package kanade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import kanade.testkit.FreePorts;
import org.junit.jupiter.api.Test;

/** A credential written into a nats:// URL is never printed back. */
class BrokerUrlMaskingTest {
    @Test
    void anUnreachableBrokerIsNamedWithoutTheCredentialInItsUrl() {
        var outcome = CliRunner.isolated().run("ping", "--server",
                "nats://someone:hunter2-secret@127.0.0.1:" + FreePorts.next(), "pc1");
        assertThat(outcome.exitCode()).isEqualTo(255);
        assertThat(outcome.stderr()).contains("***@127.0.0.1").doesNotContain("hunter2-secret");
    }
}
