package kanade.protocol.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HumanDurationTest {
    @Test
    void parsesKanadeStyleDurations() {
        assertThat(HumanDuration.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(HumanDuration.parse("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(HumanDuration.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(HumanDuration.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(HumanDuration.parse("45")).isEqualTo(Duration.ofSeconds(45));
        assertThat(HumanDuration.parse("7d")).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void formatsShortest() {
        assertThat(HumanDuration.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(HumanDuration.format(Duration.ofMillis(250))).isEqualTo("250ms");
    }

    @Test
    void rejectsGarbageWithExamples() {
        assertThatThrownBy(() -> HumanDuration.parse("soon")).hasMessageContaining("30s");
        assertThatThrownBy(() -> HumanDuration.parse("5 parsecs")).hasMessageContaining("invalid duration");
    }
}
