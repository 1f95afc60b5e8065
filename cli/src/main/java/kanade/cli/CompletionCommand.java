package kanade.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;

/** {@code kanade completion bash}: prints a bash completion script for every command and option. */
@CommandLine.Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script.",
                "bash: source <(kanade completion bash), or save it as /etc/bash_completion.d/kanade."})
public final class CompletionCommand implements Callable<Integer> {
    /** The shells a script can be printed for. */
    public enum Shell {
        /** GNU bash (zsh can load it with bashcompinit). */
        BASH
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @CommandLine.Parameters(index = "0", paramLabel = "SHELL", description = "the shell: bash")
    Shell shell;

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        String script = switch (shell) {
            case BASH -> AutoComplete.bash(spec.root().name(), root);
        };
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
