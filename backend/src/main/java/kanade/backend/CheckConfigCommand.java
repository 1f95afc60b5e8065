package kanade.backend;

import java.util.List;
import java.util.concurrent.Callable;
import kanade.runtime.cli.CheckConfigPrinter;
import kanade.runtime.config.ConfigLoader;
import kanade.runtime.config.OsFamily;
import kanade.runtime.secret.SecretName;
import kanade.runtime.secret.SecretSource;
import picocli.CommandLine;

/** {@code kanade-backend check-config}: loads backend.toml as the backend would and prints it, secrets masked. */
@CommandLine.Command(name = "check-config", description = "Load backend.toml as the backend would and print the result (secrets masked).")
final class CheckConfigCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    BackendMain parent;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var loaded = ConfigLoader.forThisMachine().loadBackend(parent.configPath());
        new CheckConfigPrinter().print("kanade-backend", loaded,
                List.of(SecretName.BACKEND_NATS_PASSWORD, SecretName.BACKEND_NATS_TOKEN, SecretName.DB_PASSWORD, SecretName.STATIC_TOKEN, SecretName.JWT_SECRET),
                SecretSource.forPlatform(OsFamily.current(), System.getenv()), spec.commandLine().getOut());
        return 0;
    }
}
