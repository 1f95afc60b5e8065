package kanade.cli.jetstream;

import picocli.CommandLine;

/** {@code kanade jetstream setup|status}. */
@CommandLine.Command(name = "jetstream", mixinStandardHelpOptions = true,
        description = "Create or inspect Kanade's streams, KV buckets and object store.",
        subcommands = {JetStreamSetupCommand.class, JetStreamStatusCommand.class})
public final class JetStreamCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a subcommand: setup or status");
    }
}
