package kanade.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class Rfc3339Test {
    @Test
    void formatsUtcWithMillisecondsWhenPresent() {
        assertThat(Rfc3339.format(Instant.parse("2026-11-23T06:59:00Z"))).isEqualTo("2026-11-23T06:59:00Z");
        assertThat(Rfc3339.format(Instant.parse("2026-11-23T06:59:00.125Z"))).isEqualTo("2026-11-23T06:59:00.125Z");
        assertThat(Rfc3339.format(Instant.parse("2026-01-02T03:04:05.007Z"))).isEqualTo("2026-01-02T03:04:05.007Z");
    }

    @Test
    void parsesTheFastFormAndOffsetsAndLongFractions() {
        assertThat(Rfc3339.parse("2026-11-23T06:59:00.5Z")).isEqualTo(Instant.parse("2026-11-23T06:59:00.500Z"));
        assertThat(Rfc3339.parse("2026-11-23T06:59:00.123456789Z")).isEqualTo(Instant.parse("2026-11-23T06:59:00.123456789Z"));
        assertThat(Rfc3339.parse("2026-11-23T15:59:00+09:00")).isEqualTo(Instant.parse("2026-11-23T06:59:00Z"));
    }

    @Test
    void roundTripsRandomInstantsAtMillisecondPrecision() {
        for (int i = 0; i < 10_000; i++) {
            Instant t = Instant.ofEpochMilli(ThreadLocalRandom.current().nextLong(0, 4_000_000_000_000L));
            assertThat(Rfc3339.parse(Rfc3339.format(t))).isEqualTo(t);
            assertThat(Rfc3339.format(t)).isEqualTo(t.toString().replace(".000Z", "Z"));
        }
    }

    @Test
    void rejectsGarbage() {
        assertThatThrownBy(() -> Rfc3339.parse("2026-13-45T99:99:99Z")).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> Rfc3339.parse("yesterday")).isInstanceOf(RuntimeException.class);
    }
}
