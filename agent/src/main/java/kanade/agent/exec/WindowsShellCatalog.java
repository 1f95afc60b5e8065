package kanade.agent.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Windows shells: {@code powershell} (default) and {@code pwsh} run a staged UTF-8 (BOM) {@code .ps1} under the
 * data dir's agent-scripts with {@code -ExecutionPolicy Bypass}; {@code cmd} runs {@code /C script}.
 */
final class WindowsShellCatalog implements ShellCatalog {
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private final ExecutableLookup lookup;

    WindowsShellCatalog(ExecutableLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public String defaultShell() {
        return "powershell";
    }

    @Override
    public ShellLaunch prepare(String shell, String script, String requestId, Path scriptsDir) {
        String name = shell == null || shell.isBlank() ? defaultShell() : shell.toLowerCase(Locale.ROOT);
        return switch (name) {
            case "powershell", "ps" -> powershell("powershell", script, requestId, scriptsDir);
            case "pwsh" -> powershell("pwsh", script, requestId, scriptsDir);
            case "cmd" -> lookup.find("cmd")
                    .<ShellLaunch>map(bin -> new ShellLaunch.Ready(List.of(bin.toString(), "/D", "/C", script), null))
                    .orElseGet(() -> new ShellLaunch.Unsupported("shell 'cmd' is not installed on this agent"));
            case "sh", "bash" -> new ShellLaunch.Unsupported("shell '" + name
                    + "' is not available on this Windows agent; use powershell, pwsh or cmd");
            default -> new ShellLaunch.Unsupported("unknown shell '" + name + "'; use powershell, pwsh, cmd, sh or bash");
        };
    }

    private ShellLaunch powershell(String exe, String script, String requestId, Path scriptsDir) {
        var bin = lookup.find(exe);
        if (bin.isEmpty()) {
            return new ShellLaunch.Unsupported("shell '" + exe + "' is not installed on this agent");
        }
        try {
            Files.createDirectories(scriptsDir);
            Path staged = scriptsDir.resolve(requestId + ".ps1");
            byte[] body = script.getBytes(StandardCharsets.UTF_8);
            byte[] withBom = new byte[UTF8_BOM.length + body.length];
            System.arraycopy(UTF8_BOM, 0, withBom, 0, UTF8_BOM.length);
            System.arraycopy(body, 0, withBom, UTF8_BOM.length, body.length);
            Files.write(staged, withBom);
            return new ShellLaunch.Ready(List.of(bin.get().toString(), "-NoProfile", "-NonInteractive",
                    "-ExecutionPolicy", "Bypass", "-File", staged.toString()), staged);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage script in " + scriptsDir, e);
        }
    }
}
