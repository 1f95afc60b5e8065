package kanade.backend.store;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** dead_letters: messages the projectors could not use, so nothing is dropped silently. */
public final class DeadLetterStore {
    private final Database db;

    public DeadLetterStore(Database db) {
        this.db = db;
    }

    /** Inserts rows inside the caller's transaction (idempotent on stream + sequence). */
    public void insert(Handle handle, List<DeadLetter> rows, Instant now) {
        if (rows.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("insert into dead_letters (stream, stream_seq, subject, raw_base64, error, "
                + "recorded_at) values (:stream, :seq, :subject, :raw, :error, :now) on conflict (stream, stream_seq) do nothing");
        for (DeadLetter row : rows) {
            batch.bind("stream", row.stream()).bind("seq", row.streamSeq()).bind("subject", row.subject())
                    .bind("raw", Base64.getEncoder().encodeToString(row.raw())).bind("error", row.error())
                    .bind("now", now.toEpochMilli()).add();
        }
        batch.execute();
    }

    /** How many dead letters a stream has. */
    public long count(String stream) {
        return db.jdbi().withHandle(h -> h.createQuery("select count(*) from dead_letters where stream = :s")
                .bind("s", stream).mapTo(Long.class).one());
    }
}
