package kanade.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import kanade.backend.BackendServer;
import kanade.backend.Http;
import kanade.backend.ResultFactory;
import kanade.backend.TestBackends;
import kanade.backend.store.DbSettings;
import kanade.cli.CliEnvironment;
import kanade.cli.KanadeCli;
import kanade.protocol.broker.BrokerRole;
import kanade.protocol.subject.Streams;
import kanade.protocol.wire.ExecResult;
import kanade.runtime.config.OsFamily;
import kanade.testkit.NatsServerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class FleetHealthFlipTest {
    @RegisterExtension
    static final NatsServerFixture nats = NatsServerFixture.withJetStream();
    @TempDir
    Path dir;

    @Test
    void fleetHealthIs503WithoutResultsAndRecoversAfterJetstreamSetupWithoutARestart() throws Exception {
        try (BackendServer backend = BackendServer.start(TestBackends.settings(nats,
                DbSettings.sqlite(dir.resolve("b.db"))), Clock.systemUTC());
             Connection nc = nats.connect(BrokerRole.BACKEND)) {
            Http http = Http.asService(backend);
            assertThat(http.get("/api/health/fleet").status()).isEqualTo(200);

            nc.jetStreamManagement().deleteStream(Streams.RESULTS);
            Http.Response degraded = http.get("/api/health/fleet");
            assertThat(degraded.status()).isEqualTo(503);
            assertThat(degraded.json().at("/status").asText()).isEqualTo("degraded");
            assertThat(degraded.json().at("/jetstream/missing").toString()).contains("RESULTS");

            int code = KanadeCli.commandLine(adminCli()).execute("--server", nats.url(), "jetstream", "setup", "--scale",
                    "0.01");
            assertThat(code).isZero();
            assertThat(http.get("/api/health/fleet").status()).isEqualTo(200);

            ExecResult fresh = ResultFactory.result("pc-after-setup", 0, "projected again");
            ResultFactory.publish(nc.jetStream(), fresh);
            await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/results/" + fresh.resultId()).status() == 200);
        }
    }

    /** The CLI as the operator-admin broker role (KANADE_NATS_USER/PASSWORD), its state under the temp dir. */
    private CliEnvironment adminCli() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(nats.env(BrokerRole.ADMIN));
        env.put(CliEnvironment.STATE_DIR_VAR, dir.resolve("cli-state").toString());
        return new CliEnvironment(env, OsFamily.current(), Clock.systemUTC());
    }
}
