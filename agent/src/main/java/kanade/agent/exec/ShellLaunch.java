package kanade.agent.exec;

import java.nio.file.Path;
import java.util.List;

/** What a shell catalog makes of a (shell, script) pair: a command line to start, or why it cannot run here. */
public sealed interface ShellLaunch {
    /** Start {@code command}; {@code stagedScript} (may be null) is deleted after the run. */
    record Ready(List<String> command, Path stagedScript) implements ShellLaunch {
        public Ready {
            command = List.copyOf(command);
        }
    }

    /** The shell is unknown or not installed; {@code reason} names it and what is available. */
    record Unsupported(String reason) implements ShellLaunch {
    }
}
