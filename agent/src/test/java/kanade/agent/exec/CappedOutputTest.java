package kanade.agent.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CappedOutputTest {
    private static final int CAP = 64 * 1024;

    @Test
    void invalidUtf8IsReplacedWithoutGrowingPastTheCap() {
        // each byte 0xFF used to become U+FFFD, three bytes in UTF-8: a capped 64 KiB of binary became 192 KiB
        byte[] binary = new byte[CAP];
        Arrays.fill(binary, (byte) 0xFF);
        CappedOutput.Snapshot snapshot = drained(binary);
        assertThat(snapshot.text().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(CAP);
        assertThat(snapshot.text()).contains("\uFFFD");
    }

    @Test
    void textInterleavedWithBadBytesStaysWithinTheCapAndIsFlaggedWhenCut() {
        byte[] mixed = new byte[CAP];
        for (int i = 0; i < mixed.length; i++) {
            mixed[i] = i % 2 == 0 ? (byte) 'a' : (byte) 0xC3; // a lone lead byte after every letter
        }
        CappedOutput.Snapshot snapshot = drained(mixed);
        assertThat(snapshot.text().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(CAP);
        assertThat(snapshot.text()).startsWith("a\uFFFDa");
        assertThat(snapshot.truncated()).isTrue();
    }

    @Test
    void validUtf8PassesUnchanged() {
        String text = "grüße ✓ 日本 \uD83D\uDE00\n".repeat(100);
        CappedOutput.Snapshot snapshot = drained(text.getBytes(StandardCharsets.UTF_8));
        assertThat(snapshot.text()).isEqualTo(text);
        assertThat(snapshot.truncated()).isFalse();
    }

    @Test
    void aCutNeverSplitsACharacter() {
        CappedOutput output = new CappedOutput(5);
        output.drain(new ByteArrayInputStream("aaaa✓".getBytes(StandardCharsets.UTF_8)));
        CappedOutput.Snapshot snapshot = output.snapshot(Duration.ZERO);
        assertThat(snapshot.text()).isEqualTo("aaaa");
        assertThat(snapshot.truncated()).isTrue();
    }

    private static CappedOutput.Snapshot drained(byte[] bytes) {
        CappedOutput output = new CappedOutput(CAP);
        output.drain(new ByteArrayInputStream(bytes));
        return output.snapshot(Duration.ZERO);
    }
}
