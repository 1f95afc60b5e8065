package kanade.backend.store;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** dead_letters: messages the projectors could not use, so nothing is dropped silently. */
public final class DeadLetterStore {
    private static final String TABLE = "dead_letters";
    private final Database db;

    public DeadLetterStore(Database db) {
        this.db = db;
    }

    /** Inserts rows inside the caller's transaction (idempotent on stream + sequence). */
    public void insert(Handle handle, List<DeadLetter> rows, Instant now) {
        if (rows.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("insert into " + TABLE + " (stream, stream_seq, subject, raw_base64, "
                + "error, recorded_at) values (:stream, :seq, :subject, :raw, :error, :now) "
                + "on conflict (stream, stream_seq) do nothing");
        for (DeadLetter row : rows) {
            batch.bind("stream", row.stream()).bind("seq", row.streamSeq()).bind("subject", row.subject())
                    .bind("raw", row.raw()).bind("error", row.error()).bind("now", now).add();
        }
        Batches.execute(batch);
    }

    /** How many dead letters a stream has. */
    public long count(String stream) {
        return db.jdbi().withHandle(h -> PagedQuery.from(TABLE).where("stream = :stream", "stream", stream).count(h));
    }

    /** A page of one stream's dead letters (every stream's when {@code stream} is null), oldest first. */
    public Page<DeadLetter> list(String stream, int limit, int offset) {
        PagedQuery query = PagedQuery.from(TABLE).where("stream = :stream", "stream", stream).orderBy("stream, stream_seq");
        return db.jdbi().withHandle(h -> query.page(h, "stream, stream_seq, subject, raw_base64, error", DeadLetter.class,
                limit, offset));
    }
}
