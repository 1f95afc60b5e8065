package kanade.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kanade.backend.store.AuditStore;
import kanade.backend.store.Database;
import kanade.backend.store.DbSettings;
import kanade.backend.store.ResultStore;
import kanade.backend.store.Retention;
import kanade.backend.store.StoredResult;
import kanade.protocol.wire.ExecResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {
    @TempDir
    Path dir;

    @Test
    void prunesOnlyResultsPastTheirRetentionInBatches() {
        try (Database db = Database.open(DbSettings.sqlite(dir.resolve("r.db")))) {
            ResultStore results = new ResultStore(db);
            Instant now = Instant.now();
            List<StoredResult> rows = new ArrayList<>();
            for (int i = 0; i < 2500; i++) {
                Instant finished = i < 2100 ? now.minus(Duration.ofDays(40)) : now;
                rows.add(new StoredResult(new ExecResult("r" + i, "q" + i, "pc", null, 0, "", "", false, false, false,
                        finished, finished, null), i, now));
            }
            db.jdbi().useTransaction(h -> results.insert(h, rows));
            long deleted = new Retention(results, new AuditStore(db), Duration.ofDays(30), Duration.ofDays(90),
                    Clock.systemUTC()).runOnce();
            assertThat(deleted).isEqualTo(2100);
            assertThat(results.count()).isEqualTo(400);
        }
    }
}
