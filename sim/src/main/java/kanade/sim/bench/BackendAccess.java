package kanade.sim.bench;

/** What a bench needs from the backend under test: its pid (-1 when remote), its URL, and the rows of one run. */
interface BackendAccess extends AutoCloseable {

    /** The backend's pid for CPU readings, or -1 when it runs elsewhere (or its pid cannot be found). */
    long pid();

    /** Base URL of its HTTP API. */
    String url();

    /** The bearer token benches send (the started backend's service token; KANADE_AUTH_TOKEN for a remote one). */
    String token();

    /** A GET of {@code path} with the token. */
    default java.net.http.HttpRequest.Builder request(String path) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url() + path));
        return token() == null ? request : request.header("Authorization", "Bearer " + token());
    }

    /** Results stored for {@code requestId} (-1 when unknown). */
    long resultCount(String requestId) throws Exception;

    /** recorded_at (epoch ms) of every result stored for {@code requestId}. */
    long[] recordedAt(String requestId) throws Exception;

    /** Distinct pc_ids among the results of {@code requestId}. */
    long distinctPcs(String requestId) throws Exception;

    @Override
    void close();
}
