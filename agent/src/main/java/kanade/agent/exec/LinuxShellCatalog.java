package kanade.agent.exec;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Linux shells: {@code sh} (default) and {@code bash} run {@code -c script}; {@code pwsh} when installed. */
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
    public ShellLaunch prepare(String shell, String script, String requestId, Path scriptsDir) {
        String name = shell == null || shell.isBlank() ? defaultShell() : shell.toLowerCase(Locale.ROOT);
        return switch (name) {
            case "sh", "bash" -> lookup.find(name)
                    .<ShellLaunch>map(bin -> new ShellLaunch.Ready(List.of(bin.toString(), "-c", script), null))
                    .orElseGet(() -> missing(name));
            case "pwsh" -> lookup.find("pwsh")
                    .<ShellLaunch>map(bin -> new ShellLaunch.Ready(List.of(bin.toString(), "-NoProfile", "-NonInteractive",
                            "-Command", script), null))
                    .orElseGet(() -> missing(name));
            case "powershell", "ps", "cmd" -> new ShellLaunch.Unsupported("shell '" + name
                    + "' is Windows-only; this Linux agent runs sh, bash" + (lookup.find("pwsh").isPresent() ? ", pwsh" : ""));
            default -> new ShellLaunch.Unsupported("unknown shell '" + name + "'; use sh, bash, pwsh, powershell or cmd");
        };
    }

    private static ShellLaunch missing(String name) {
        return new ShellLaunch.Unsupported("shell '" + name + "' is not installed on this agent");
    }
}
