package kanade.runtime.jetstream;

import java.time.Duration;
import java.util.List;
import kanade.protocol.subject.Buckets;
import kanade.protocol.subject.Streams;
import kanade.protocol.subject.Subjects;

/** Every stream, KV bucket and object store of kanade's contract, with their limits. */
public record JetStreamLayout(List<StreamSpec> streams, List<BucketSpec> buckets, List<String> objectStores,
                              long objectStoreMaxBytes, int replicas) {
    private static final long MIB = 1L << 20;
    private static final long GIB = 1L << 30;

    public JetStreamLayout {
        streams = List.copyOf(streams);
        buckets = List.copyOf(buckets);
        objectStores = List.copyOf(objectStores);
    }

    /** Production limits (kanade's later values): 3.8 GiB of streams, 0.4 GiB of KV buckets, 1 GiB of releases. */
    public static JetStreamLayout defaults() {
        return scaled(1.0);
    }

    /** The same layout with every byte limit multiplied by {@code factor} (tests use a small one). */
    public static JetStreamLayout scaled(double factor) {
        return new JetStreamLayout(List.of(
                new StreamSpec(Streams.INVENTORY, List.of(Subjects.INVENTORY_WILDCARD), Duration.ofDays(90), bytes(GIB, factor), -1),
                new StreamSpec(Streams.RESULTS, List.of(Subjects.RESULTS_WILDCARD), Duration.ofDays(30), bytes(2 * GIB, factor), -1),
                new StreamSpec(Streams.EXEC, List.of(Subjects.COMMANDS_WILDCARD), Duration.ofDays(7), bytes(64 * MIB, factor), 1),
                new StreamSpec(Streams.EVENTS, List.of(Subjects.EVENTS_WILDCARD), Duration.ofDays(7), bytes(256 * MIB, factor), -1),
                new StreamSpec(Streams.AUDIT, List.of(Subjects.AUDIT_WILDCARD), Duration.ofDays(90), bytes(512 * MIB, factor), -1)),
                List.of(new BucketSpec(Buckets.SCRIPT_CURRENT, 5, bytes(16 * MIB, factor)),
                        new BucketSpec(Buckets.SCRIPT_STATUS, 5, bytes(16 * MIB, factor)),
                        new BucketSpec(Buckets.AGENTS_STATE, 1, bytes(256 * MIB, factor)),
                        new BucketSpec(Buckets.AGENT_CONFIG, 5, bytes(16 * MIB, factor)),
                        new BucketSpec(Buckets.AGENT_GROUPS, 5, bytes(64 * MIB, factor)),
                        new BucketSpec(Buckets.SCHEDULES, 5, bytes(16 * MIB, factor))),
                List.of(Buckets.AGENT_RELEASES), bytes(GIB, factor), 1);
    }

    /** Total bytes the layout may occupy; the nats-server's max_file_store must be at least this. */
    public long totalBytes() {
        return streams.stream().mapToLong(StreamSpec::maxBytes).sum()
                + buckets.stream().mapToLong(BucketSpec::maxBytes).sum()
                + objectStores.size() * objectStoreMaxBytes;
    }

    /** The stream spec named {@code name}. */
    public StreamSpec stream(String name) {
        return streams.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no stream " + name + " in the layout"));
    }

    private static long bytes(long base, double factor) {
        return Math.max(MIB, (long) (base * factor));
    }
}
