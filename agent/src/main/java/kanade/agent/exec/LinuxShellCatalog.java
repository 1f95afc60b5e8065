package kanade.agent.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Linux shells: {@code sh} (default) and {@code bash} run a staged {@code .sh} file ({@code sh <file>}); {@code pwsh}
 * runs a staged {@code .ps1} with {@code -File} when installed.
 */
final class LinuxShellCatalog implements ShellCatalog {
    private final ExecutableLookup lookup;

    LinuxShellCatalog(ExecutableLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public String defaultShell() {
        return "sh";
    }

    @Override
    public ShellLaunch prepare(String shell, String script, ScriptStage stage) throws IOException {
        String name = shell == null || shell.isBlank() ? defaultShell() : shell.toLowerCase(Locale.ROOT);
        byte[] body = script.getBytes(StandardCharsets.UTF_8);
        return switch (name) {
            case "sh", "bash" -> {
                Optional<Path> bin = lookup.find(name);
                yield bin.isEmpty() ? missing(name) : stage.launch(List.of(bin.get().toString()), body, ".sh");
            }
            case "pwsh" -> {
                Optional<Path> bin = lookup.find("pwsh");
                yield bin.isEmpty() ? missing(name) : stage.launch(List.of(bin.get().toString(), "-NoProfile",
                        "-NonInteractive", "-File"), body, ".ps1");
            }
            case "powershell", "ps", "cmd" -> new ShellLaunch.Unsupported("shell '" + name
                    + "' is Windows-only; this Linux agent runs sh, bash" + (lookup.find("pwsh").isPresent() ? ", pwsh" : ""));
            default -> new ShellLaunch.Unsupported("unknown shell '" + name + "'; use sh, bash, pwsh, powershell or cmd");
        };
    }

    private static ShellLaunch missing(String name) {
        return new ShellLaunch.Unsupported("shell '" + name + "' is not installed on this agent");
    }
}
