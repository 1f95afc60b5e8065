package kanade.backend.results;

import java.util.Optional;
import kanade.backend.store.Page;
import kanade.backend.store.ResultQuery;
import kanade.backend.store.ResultStore;
import kanade.backend.store.StoredResult;

/** Reads projected results for the API. */
public final class ResultService {
    private final ResultStore results;

    public ResultService(ResultStore results) {
        this.results = results;
    }

    /** Results matching {@code query}, newest first, with the total. */
    public Page<ResultView> query(ResultQuery query) {
        Page<StoredResult> page = results.query(query);
        return new Page<>(page.items().stream().map(ResultService::view).toList(), page.total());
    }

    /** One result by result_id. */
    public Optional<ResultView> find(String resultId) {
        return results.find(resultId).map(ResultService::view);
    }

    private static ResultView view(StoredResult stored) {
        return new ResultView(stored.result(), stored.recordedAt());
    }
}
