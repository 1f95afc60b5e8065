package kanade.runtime.jetstream;

/** One KV bucket Kanade needs, with the history depth it keeps per key. */
public record BucketSpec(String name, int history, long maxBytes) {
}
