package kanade.cli;

import java.util.concurrent.Callable;
import kanade.protocol.cli.VersionProvider;
import picocli.CommandLine;

/** Entry point of the {@code kanade} operator CLI. */
@CommandLine.Command(name = "kanade", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Operate a Kanade fleet: run scripts, kill jobs, inspect JetStream.")
public final class KanadeCli implements Callable<Integer> {
    @Override
    public Integer call() {
        CommandLine.usage(this, System.err);
        return 2;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new KanadeCli()).execute(args));
    }
}
