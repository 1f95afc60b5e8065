package kanade.sim.bench;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import kanade.backend.projection.Projections;
import kanade.backend.projection.StreamProjector;
import kanade.backend.store.Database;
import kanade.backend.store.DbSettings;
import kanade.backend.store.DeadLetterStore;
import kanade.backend.store.ResultStore;
import kanade.backend.store.StoredResult;
import kanade.protocol.broker.BrokerRole;
import kanade.runtime.jetstream.JetStreamBootstrap;
import kanade.runtime.jetstream.JetStreamLayout;
import kanade.protocol.subject.Subjects;
import kanade.protocol.wire.ExecResult;
import kanade.protocol.wire.Json;
import kanade.testkit.NatsServer;
import kanade.testkit.PostgresServer;
import kanade.testkit.TempDirs;
import picocli.CommandLine;

/**
 * {@code kanade-sim bench projection}: pre-loads RESULTS with N results, then times the real RESULTS projector
 * draining them into a fresh database (fsync on) for each batch size.
 */
@CommandLine.Command(name = "projection", mixinStandardHelpOptions = true,
        description = "Results/s of the RESULTS projector into SQLite and/or PostgreSQL (fsync on), per batch size.")
public final class ProjectionBench implements Callable<Integer> {
    @CommandLine.Option(names = "--db", split = ",", defaultValue = "sqlite,postgres", description = "sqlite, postgres or both (default ${DEFAULT-VALUE})")
    List<String> dbs;
    @CommandLine.Option(names = "--results", defaultValue = "50000", description = "results to project (default ${DEFAULT-VALUE})")
    int results;
    @CommandLine.Option(names = "--stdout-bytes", defaultValue = "1024", description = "stdout size of each result (default ${DEFAULT-VALUE})")
    int stdoutBytes;
    @CommandLine.Option(names = "--batch", split = ",", defaultValue = "1,100,1000", description = "batch sizes (default ${DEFAULT-VALUE})")
    List<Integer> batches;
    @CommandLine.Option(names = "--json", defaultValue = "bench-results/projection.json", description = "where to write the JSON (default ${DEFAULT-VALUE})")
    Path json;

    @Override
    public Integer call() throws Exception {
        for (String db : dbs) {
            if (!db.equals("sqlite") && !db.equals("postgres")) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--db must be sqlite or postgres, got " + db);
            }
        }
        Path work = Files.createTempDirectory("kanade-bench-projection-");
        BenchReport report = new BenchReport("projection").input("results", results).input("stdout_bytes", stdoutBytes)
                .input("batch", batches).input("db", dbs).input("fsync", "on");
        PostgresServer postgres = null;
        try (NatsServer nats = NatsServer.start(work.resolve("nats"));
             Connection nc = nats.connect(BrokerRole.BACKEND)) {
            new JetStreamBootstrap(nc, JetStreamLayout.scaled(Math.max(0.05, results * (stdoutBytes + 600.0) / (1L << 31) * 2)))
                    .apply();
            System.err.printf("publishing %d results of %d bytes...%n", results, stdoutBytes);
            preload(nc.jetStream());
            int run = 0;
            for (String kind : dbs) {
                if (kind.equals("postgres") && postgres == null) {
                    postgres = PostgresServer.start(true);
                }
                for (int batch : batches) {
                    run++;
                    DbSettings settings;
                    if (kind.equals("sqlite")) {
                        settings = DbSettings.sqlite(work.resolve("run-" + run + ".db"));
                    } else {
                        postgres.createDatabase("bench_" + run);
                        settings = DbSettings.postgres(postgres.jdbcUrl("bench_" + run), postgres.user());
                    }
                    report.row(measure(nc, kind, settings, batch, "bench-" + run));
                }
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
            TempDirs.deleteQuietly(work);
        }
        report.print(System.out);
        report.writeJson(json);
        return 0;
    }

    private void preload(JetStream js) throws Exception {
        String stdout = "o".repeat(stdoutBytes);
        List<CompletableFuture<PublishAck>> window = new ArrayList<>();
        for (int i = 0; i < results; i++) {
            Instant now = Instant.now();
            ExecResult r = new ExecResult(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "bench-" + (i % 1000),
                    null, i % 10 == 0 ? 1 : 0, stdout, "", false, false, false, now, now, null);
            window.add(js.publishAsync(Subjects.results(r.requestId()), Json.encode(r),
                    PublishOptions.builder().messageId(r.resultId()).build()));
            if (window.size() >= 2000) {
                for (CompletableFuture<PublishAck> ack : window) {
                    ack.get();
                }
                window.clear();
            }
        }
        for (CompletableFuture<PublishAck> ack : window) {
            ack.get();
        }
    }

    private Map<String, Object> measure(Connection nc, String kind, DbSettings settings, int batch, String durable)
            throws Exception {
        try (Database db = Database.open(settings)) {
            ResultStore store = new ResultStore(db);
            DeadLetterStore dead = new DeadLetterStore(db);
            ProcStats.Reading cpuBefore = ProcStats.self();
            long start = System.nanoTime();
            StreamProjector<StoredResult> projector = Projections.results(nc, db, store, dead, batch, Clock.systemUTC(),
                    durable).start();
            while (projector.stats().projected() + projector.stats().deadLettered() < results) {
                Thread.sleep(5);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            projector.close();
            nc.jetStreamManagement().deleteConsumer(kanade.protocol.subject.Streams.RESULTS, durable);
            ProcStats.Reading cpuAfter = ProcStats.self();
            long stored = store.count();
            System.err.printf("%s batch=%d: %d rows in %.1f s%n", kind, batch, stored, seconds);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("db", kind);
            row.put("batch", batch);
            row.put("stored", stored);
            row.put("seconds", String.format("%.2f", seconds));
            row.put("results_per_s", Math.round(results / seconds));
            row.put("jvm_cpu_s", String.format("%.1f", cpuAfter.cpuSince(cpuBefore)));
            row.put("dead_letters", dead.count(kanade.protocol.subject.Streams.RESULTS));
            return row;
        }
    }
}
