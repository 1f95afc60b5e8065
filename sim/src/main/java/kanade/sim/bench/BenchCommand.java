package kanade.sim.bench;

import picocli.CommandLine;

/** {@code kanade-sim bench <name>}: the benchmarks. */
@CommandLine.Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark and print its table.",
        subcommands = {FanoutBench.class, TargetedBench.class, HeartbeatBench.class, FootprintBench.class, ProjectionBench.class,
                CliBench.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a benchmark: "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
