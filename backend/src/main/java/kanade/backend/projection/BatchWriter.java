package kanade.backend.projection;

import java.util.List;
import kanade.backend.store.DeadLetter;

/** Writes one fetched batch (good rows and dead letters) in a single database transaction. */
@FunctionalInterface
public interface BatchWriter<T> {
    void write(List<T> rows, List<DeadLetter> deadLetters) throws Exception;
}
