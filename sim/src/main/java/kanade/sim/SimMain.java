package kanade.sim;

import kanade.runtime.cli.LogSetup;
import java.util.concurrent.Callable;
import kanade.runtime.cli.VersionProvider;
import picocli.CommandLine;

/** Entry point of {@code kanade-sim}: the fleet simulator and benchmarks. */
@CommandLine.Command(name = "kanade-sim", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run many real Kanade agents in one JVM, and the benchmarks built on that.",
        subcommands = {SimRunCommand.class, kanade.sim.bench.BenchCommand.class, kanade.sim.fault.FaultCommand.class,
                TrainCliCommand.class})
public final class SimMain implements Callable<Integer> {
    @Override
    public Integer call() {
        CommandLine.usage(this, System.err);
        return 2;
    }

    public static void main(String[] args) {
        LogSetup.useProgramDefaults();
        // thousands of agents log per job at INFO; the simulator shows warnings only unless asked
        System.setProperty("kanade.log.level", System.getProperty("kanade.log.level", "WARN"));
        System.exit(new CommandLine(new SimMain()).execute(args));
    }
}
