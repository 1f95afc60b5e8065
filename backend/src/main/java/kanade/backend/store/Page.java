package kanade.backend.store;

import java.util.List;

/** One page of rows and the total that matched (for {@code X-Total-Count}). */
public record Page<T>(List<T> items, long total) {
    public Page {
        items = List.copyOf(items);
    }
}
