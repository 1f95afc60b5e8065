package kanade.backend.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import kanade.protocol.broker.BrokerRole;
import kanade.runtime.nats.NatsConnect;
import kanade.runtime.nats.NatsCredentials;
import kanade.runtime.secret.EnvSecretSource;
import kanade.testkit.BrokerAuth;
import kanade.testkit.NatsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated broker credentials: owner-only files, stable across runs, accepted by a real nats-server per role. */
class BrokerCredentialsTest {
    @TempDir
    Path dir;

    @Test
    void eachRoleConnectsWithItsOwnEnvFileAndNothingElseDoes() throws Exception {
        Path secrets = dir.resolve("secrets");
        BrokerCredentials.inDirectory(secrets, false);
        assertThat(Files.getPosixFilePermissions(secrets)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        for (String file : List.of("nats-auth.conf", "agent.env", "backend.env", "admin.env")) {
            assertThat(Files.getPosixFilePermissions(secrets.resolve(file)))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
        String conf = Files.readString(secrets.resolve("nats-auth.conf"));
        Map<String, String> backendEnv = EnvFiles.read(secrets.resolve("backend.env"));
        assertThat(conf).doesNotContain(backendEnv.get("KANADE_NATS_PASSWORD")).contains("$2a$11$");
        try (NatsServer server = NatsServer.start(dir.resolve("nats"), NatsServer.Limits.TEST,
                BrokerAuth.inConfig(), List.of(conf))) {
            connect(server, NatsCredentials.forAgent(new EnvSecretSource(EnvFiles.read(secrets.resolve("agent.env")))),
                    BrokerRole.AGENT).close();
            connect(server, NatsCredentials.forBackend(new EnvSecretSource(backendEnv), backendEnv), BrokerRole.BACKEND)
                    .close();
            Map<String, String> adminEnv = EnvFiles.read(secrets.resolve("admin.env"));
            connect(server, NatsCredentials.forCli(new EnvSecretSource(adminEnv), adminEnv), BrokerRole.ADMIN).close();
            assertThatThrownBy(() -> Nats.connect(Options.builder().server(server.url()).maxReconnects(0).build()))
                    .isInstanceOf(Exception.class);
        }
    }

    @Test
    void aSecondRunKeepsTheCredentialsAndRotateReplacesThem() {
        BrokerCredentials.inDirectory(dir, false);
        Map<String, String> first = EnvFiles.read(dir.resolve("backend.env"));
        BrokerCredentials.inDirectory(dir, false);
        assertThat(EnvFiles.read(dir.resolve("backend.env"))).isEqualTo(first);
        BrokerCredentials.inDirectory(dir, true);
        assertThat(EnvFiles.read(dir.resolve("backend.env")).get("KANADE_NATS_PASSWORD"))
                .isNotEqualTo(first.get("KANADE_NATS_PASSWORD"));
    }

    private static Connection connect(NatsServer server, NatsCredentials credentials, BrokerRole role) throws Exception {
        return Nats.connect(NatsConnect.baseOptions(server.url(), credentials, role, "test " + role).maxReconnects(0)
                .build());
    }
}
