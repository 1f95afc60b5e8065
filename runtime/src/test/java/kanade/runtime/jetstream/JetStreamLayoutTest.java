package kanade.runtime.jetstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Pins the storage figures the README and backend.toml docs quote for {@code [jetstream] scale = 1.0}. */
class JetStreamLayoutTest {
    private static final double GIB = 1024.0 * 1024 * 1024;

    @Test
    void defaultLayoutNeedsAbout5Point2GibAsTheDocsSay() {
        JetStreamLayout layout = JetStreamLayout.defaults();
        double streams = layout.streams().stream().mapToLong(StreamSpec::maxBytes).sum() / GIB;
        double buckets = layout.buckets().stream().mapToLong(BucketSpec::maxBytes).sum() / GIB;
        assertThat(streams).isCloseTo(3.8, within(0.05));
        assertThat(buckets).isCloseTo(0.4, within(0.05));
        assertThat(layout.totalBytes() / GIB).isCloseTo(5.2, within(0.05));
    }

    @Test
    void scaleMultipliesEveryLimit() {
        assertThat(JetStreamLayout.scaled(0.5).totalBytes()).isCloseTo(JetStreamLayout.defaults().totalBytes() / 2,
                within(1024L * 1024));
    }
}
