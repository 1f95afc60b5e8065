package kanade.sim.bench;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kanade.protocol.broker.BrokerRole;
import kanade.protocol.subject.Streams;

/**
 * Baseline (b), no Kanade code: one plain publish; every connection does one JetStream publish of a 1 KiB result and
 * waits for its ack; one pull consumer drains batches of 1,000 into SQLite (WAL, synchronous=FULL) with batched
 * inserts in one transaction per batch, then acks. Time until every row is committed. Its stream has as many
 * replicas as Kanade's RESULTS stream on the same broker ({@link #resultsReplicas}), so both pay the same replication.
 * The connections hold the agent role, which may publish only Kanade's data subjects: the go signal (on their inbox
 * prefix) carries the raw stream's subject as its reply subject, and each result is the response to it
 * ({@code allow_responses}).
 */
final class RawDurablePipeline {
    private static final String GO = BrokerRole.AGENT.inboxPrefix() + ".bench.durable.go";
    private static final String STREAM = "BENCH_RAW";

    private RawDurablePipeline() {
    }

    /** The replicas of the broker's RESULTS stream (1 when it has none yet). */
    static int resultsReplicas(Connection operator) throws Exception {
        try {
            return Math.max(1, operator.jetStreamManagement().getStreamInfo(Streams.RESULTS).getConfiguration()
                    .getReplicas());
        } catch (JetStreamApiException e) {
            return 1;
        }
    }

    static PhaseResult run(Connection operator, List<Connection> fleet, Path sqlite, Duration timeout, int round,
                           int replicas, CpuProbe cpu)
            throws Exception {
        String stream = STREAM + "_" + round;
        String prefix = "bench.rawresults" + round;
        operator.jetStreamManagement().addStream(StreamConfiguration.builder().name(stream)
                .subjects(prefix + ".>").storageType(StorageType.File).replicas(replicas).build());
        byte[] body = new byte[1024];
        Arrays.fill(body, (byte) 'r');
        List<Dispatcher> dispatchers = new ArrayList<>(fleet.size());
        for (Connection nc : fleet) {
            JetStream js = nc.jetStream();
            Dispatcher d = nc.createDispatcher(msg -> {
                try {
                    js.publish(msg.getReplyTo(), body);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            d.subscribe(GO);
            dispatchers.add(d);
        }
        for (Connection nc : fleet) {
            nc.flush(Duration.ofSeconds(10));
        }
        operator.jetStreamManagement().addOrUpdateConsumer(stream, ConsumerConfiguration.builder().durable("raw-drain")
                .ackPolicy(AckPolicy.Explicit).maxAckPending(20_000).build());
        JetStreamSubscription drain = operator.jetStream().subscribe(null, PullSubscribeOptions.bind(stream, "raw-drain"));
        long[] latencies = new long[fleet.size()];
        int stored = 0;
        try (java.sql.Connection db = DriverManager.getConnection("jdbc:sqlite:" + sqlite
                + "?journal_mode=WAL&synchronous=FULL&busy_timeout=10000")) {
            try (Statement ddl = db.createStatement()) {
                ddl.execute("create table raw_results (id integer primary key, subject text, body text, recorded_at integer)");
            }
            db.setAutoCommit(false);
            CpuProbe.Snapshot cpuStart = cpu.snapshot();
            long start = System.nanoTime();
            operator.publish(GO, prefix + ".result", new byte[0]);
            long deadline = start + timeout.toNanos();
            try (PreparedStatement insert = db.prepareStatement(
                    "insert into raw_results (id, subject, body, recorded_at) values (?, ?, ?, ?) on conflict (id) do nothing")) {
                while (stored < fleet.size() && System.nanoTime() < deadline) {
                    List<Message> batch = drain.fetch(1000, Duration.ofMillis(100));
                    if (batch.isEmpty()) {
                        continue;
                    }
                    long now = System.currentTimeMillis();
                    for (Message m : batch) {
                        insert.setLong(1, m.metaData().streamSequence());
                        insert.setString(2, m.getSubject());
                        insert.setString(3, new String(m.getData()));
                        insert.setLong(4, now);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    db.commit();
                    batch.forEach(Message::ack);
                    long elapsed = (System.nanoTime() - start) / 1_000_000;
                    for (int i = 0; i < batch.size() && stored < latencies.length; i++) {
                        latencies[stored++] = elapsed;
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            PhaseResult.CpuUse used = cpu.snapshot().since(cpuStart);
            for (int i = 0; i < fleet.size(); i++) {
                fleet.get(i).closeDispatcher(dispatchers.get(i));
            }
            drain.unsubscribe();
            operator.jetStreamManagement().deleteStream(stream);
            return new PhaseResult("raw durable pipeline (b)", fleet.size(), stored, seconds,
                    Percentiles.of(Arrays.copyOf(latencies, stored)), used);
        }
    }
}
