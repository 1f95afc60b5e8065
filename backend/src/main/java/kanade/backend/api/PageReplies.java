package kanade.backend.api;

import io.javalin.http.Context;
import kanade.backend.store.Page;

/** Writes a page of rows the one way every list route does: the rows as a JSON array, the total in X-Total-Count. */
final class PageReplies {
    /** The header that carries the number of rows that matched, over all pages. */
    static final String TOTAL_HEADER = "X-Total-Count";

    private PageReplies() {
    }

    static void send(Context ctx, Page<?> page) {
        ctx.header(TOTAL_HEADER, String.valueOf(page.total())).json(page.items());
    }
}
