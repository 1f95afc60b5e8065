package kanade.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import kanade.backend.Http;
import kanade.backend.ResultFactory;
import kanade.runtime.jetstream.JetStreamBootstrap;
import kanade.runtime.jetstream.JetStreamLayout;
import kanade.protocol.broker.BrokerRole;
import kanade.protocol.subject.Subjects;
import kanade.protocol.wire.ExecResult;
import kanade.protocol.wire.Json;
import kanade.testkit.FreePorts;
import kanade.testkit.NatsServerFixture;
import kanade.testkit.PostgresFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The backend as a real child process, killed with SIGKILL mid-ingest: nothing is lost, nothing is doubled. */
class BackendCrashRecoveryTest {
    private static final int RESULTS = 5000;
    /** The backend's static service token: given through the environment, never argv. */
    private static final String SERVICE_TOKEN = "crash-test-" + java.util.UUID.randomUUID();

    @RegisterExtension
    static final NatsServerFixture nats = NatsServerFixture.withJetStream();
    @RegisterExtension
    static final PostgresFixture postgres = PostgresFixture.create();
    @TempDir
    Path dir;

    @Test
    void sqliteKeepsExactlyEveryResultAcrossSigkill() throws Exception {
        crashAndRecover("sqlite_path = '" + dir.resolve("crash.db") + "'", "sqlite");
    }

    @Test
    void postgresKeepsExactlyEveryResultAcrossSigkill() throws Exception {
        crashAndRecover("postgres_url = '" + postgres.jdbcUrl() + "'\nuser = '" + postgres.user() + "'", "postgres");
    }

    private void crashAndRecover(String dbSection, String name) throws Exception {
        String prefix = "crash-" + name;
        try (Connection nc = nats.connect(BrokerRole.BACKEND)) {
            new JetStreamBootstrap(nc, JetStreamLayout.scaled(0.01)).apply();
            publish(nc.jetStream(), prefix);
        }
        int port = FreePorts.next();
        Path config = dir.resolve("backend.toml");
        Files.writeString(config, """
                [server]
                bind = '127.0.0.1:%d'
                [nats]
                url = '%s'
                [db]
                %s
                [jetstream]
                scale = 0.01
                [projection]
                batch = 10
                [log]
                level = 'warn'
                """.formatted(port, nats.url(), dbSection));
        Http http = new Http(port, SERVICE_TOKEN);

        Process first = startBackend(config, "first");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(10))
                .until(() -> count(http, prefix) >= RESULTS / 2);
        first.destroyForcibly().waitFor();
        long atKill = count(http, prefix);
        assertThat(atKill).as("killed mid-ingest").isLessThan(RESULTS);

        Process second = startBackend(config, "second");
        try {
            await().atMost(Duration.ofSeconds(180)).until(() -> count(http, prefix) == RESULTS);
            Http.Response all = http.get("/api/results?pc_id=" + prefix + "&limit=1");
            assertThat(all.header("X-Total-Count")).isEqualTo(String.valueOf(RESULTS));
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    private static void publish(JetStream js, String pcId) throws Exception {
        List<CompletableFuture<PublishAck>> acks = new ArrayList<>();
        for (int i = 0; i < RESULTS; i++) {
            ExecResult r = ResultFactory.result(pcId, 0, "x".repeat(200));
            acks.add(js.publishAsync(Subjects.results(r.requestId()), Json.encode(r),
                    PublishOptions.builder().messageId(r.resultId()).build()));
        }
        for (CompletableFuture<PublishAck> ack : acks) {
            ack.get();
        }
    }

    private Process startBackend(Path config, String label) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(RepoScripts.root().resolve("bin/kanade-backend").toString(),
                "--config", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("backend-" + label + ".log").toFile());
        pb.environment().put("KANADE_NO_BUILD", "1");
        pb.environment().putAll(nats.env(BrokerRole.BACKEND));
        pb.environment().put("KANADE_AUTH_STATIC_TOKEN", SERVICE_TOKEN);
        // several backends may share PostgreSQL, so a backend on it needs the shared JWT secret
        pb.environment().put("KANADE_JWT_SECRET", "crash-test-jwt-secret-" + SERVICE_TOKEN);
        // a given first-admin password: a generated one would be written to the data dir, which on PostgreSQL is
        // the working directory (backend.toml has no data_dir yet)
        pb.environment().put("KANADE_BOOTSTRAP_ADMIN_PASSWORD", "crash-test-admin-password");
        return pb.start();
    }

    private static long count(Http http, String pcId) {
        try {
            Http.Response response = http.get("/api/results?pc_id=" + pcId + "&limit=1");
            return response.status() == 200 ? Long.parseLong(response.header("X-Total-Count")) : -1;
        } catch (Exception e) {
            return -1;
        }
    }
}
