package kanade.agent.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Results on disk hold script output: only the agent's user may read them. */
class OutboxFileModeTest {
    @TempDir
    Path dataDir;

    @Test
    void theOutboxIs0700AndItsEntries0600() throws Exception {
        Outbox outbox = Outbox.open(dataDir);
        outbox.store("r1", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("outbox")))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("outbox/r1.json")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }
}
