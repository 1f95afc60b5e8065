package kanade.backend;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import kanade.runtime.cli.ConfigErrors;
import kanade.runtime.cli.VersionProvider;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import kanade.protocol.KanadeVersion;
import kanade.runtime.cli.LogSetup;
import kanade.runtime.config.ConfigLoader;
import kanade.runtime.config.OsFamily;
import kanade.backend.auth.AuthSettings;
import kanade.runtime.nats.NatsCredentials;
import kanade.runtime.secret.SecretName;
import kanade.runtime.secret.SecretSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Entry point of {@code kanade-backend}: runs the backend, or checks its config. */
@CommandLine.Command(name = "kanade-backend", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "The Kanade backend: JetStream bootstrap, projection into the database, HTTP API and dashboard.",
        subcommands = {CheckConfigCommand.class, BrokerCredentialsCommand.class})
public final class BackendMain implements Callable<Integer> {
    @CommandLine.Option(names = "--config", paramLabel = "PATH", scope = CommandLine.ScopeType.INHERIT,
            description = "backend.toml (else $KANADE_BACKEND_CONFIG, else /etc/kanade/backend.toml or %%ProgramData%%\\Kanade\\config\\backend.toml)")
    Path config;

    Path configPath() {
        return config;
    }

    @Override
    public Integer call() throws Exception {
        var loaded = ConfigLoader.forThisMachine().loadBackend(config);
        LogSetup.apply(loaded.config().log(), System.getenv("KANADE_LOG"));
        Logger log = LoggerFactory.getLogger(BackendMain.class);
        loaded.warnings().forEach(w -> log.warn("{}: {}", loaded.source(), w));
        SecretSource secrets = SecretSource.forPlatform(OsFamily.current(), System.getenv());
        BackendSettings settings = BackendSettings.from(loaded.config(),
                NatsCredentials.forBackend(secrets, System.getenv()), secrets.lookup(SecretName.DB_PASSWORD).orElse(null),
                AuthSettings.fromEnvironment(System.getenv(), secrets));
        log.info("kanade-backend {} starting (config {})", KanadeVersion.current(), loaded.source());
        BackendServer server = BackendServer.start(settings, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stop requested");
            try {
                server.close();
            } catch (Exception e) {
                log.error("backend stop failed", e);
            } finally {
                stopped.countDown();
            }
        }, "backend-shutdown"));
        stopped.await();
        return 0;
    }

    public static void main(String[] args) {
        LogSetup.useProgramDefaults();
        System.exit(commandLine().execute(args));
    }

    /** The configured picocli command line (config errors print one line and exit 2). */
    public static CommandLine commandLine() {
        return ConfigErrors.commandLine(new BackendMain(), "kanade-backend");
    }
}
