package kanade.runtime.cli;

import kanade.runtime.config.ConfigException;
import picocli.CommandLine;

/** The picocli handler the daemons share: a config problem is one line on stderr and exit 2, never a stack trace. */
public final class ConfigErrors {
    /** Exit code for a missing or invalid config file. */
    public static final int EXIT_CONFIG = 2;

    private ConfigErrors() {
    }

    /** {@code command} wrapped in a command line that reports {@link ConfigException}s as {@code program: message}. */
    public static CommandLine commandLine(Object command, String program) {
        return new CommandLine(command).setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof ConfigException) {
                cmd.getErr().println(program + ": " + ex.getMessage());
                return EXIT_CONFIG;
            }
            throw ex;
        });
    }
}
