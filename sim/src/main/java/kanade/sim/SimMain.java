package kanade.sim;

import java.util.concurrent.Callable;
import kanade.protocol.cli.VersionProvider;
import picocli.CommandLine;

/** Entry point of {@code kanade-sim}: the fleet simulator and benchmarks. */
@CommandLine.Command(name = "kanade-sim", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run many real Kanade agents in one JVM, and the benchmarks built on that.",
        subcommands = {kanade.sim.bench.BenchCommand.class})
public final class SimMain implements Callable<Integer> {
    @Override
    public Integer call() {
        CommandLine.usage(this, System.err);
        return 2;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SimMain()).execute(args));
    }
}
