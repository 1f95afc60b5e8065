package kanade.agent.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Windows shells: {@code powershell} (default) and {@code pwsh} run a staged UTF-8 (BOM) {@code .ps1} with
 * {@code -ExecutionPolicy Bypass -File}. {@code cmd} keeps {@code /D /C script}: a staged {@code .cmd} would change
 * what a script means (a batch file reads {@code %} and {@code for} variables differently), so cmd scripts stay within
 * cmd's own 8191-character command line.
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
    public ShellLaunch prepare(String shell, String script, ScriptStage stage) throws IOException {
        String name = shell == null || shell.isBlank() ? defaultShell() : shell.toLowerCase(Locale.ROOT);
        return switch (name) {
            case "powershell", "ps" -> powershell("powershell", script, stage);
            case "pwsh" -> powershell("pwsh", script, stage);
            case "cmd" -> lookup.find("cmd")
                    .<ShellLaunch>map(bin -> new ShellLaunch.Ready(List.of(bin.toString(), "/D", "/C", script), null))
                    .orElseGet(() -> new ShellLaunch.Unsupported("shell 'cmd' is not installed on this agent"));
            case "sh", "bash" -> new ShellLaunch.Unsupported("shell '" + name
                    + "' is not available on this Windows agent; use powershell, pwsh or cmd");
            default -> new ShellLaunch.Unsupported("unknown shell '" + name + "'; use powershell, pwsh, cmd, sh or bash");
        };
    }

    private ShellLaunch powershell(String exe, String script, ScriptStage stage) throws IOException {
        var bin = lookup.find(exe);
        if (bin.isEmpty()) {
            return new ShellLaunch.Unsupported("shell '" + exe + "' is not installed on this agent");
        }
        byte[] body = script.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[UTF8_BOM.length + body.length];
        System.arraycopy(UTF8_BOM, 0, withBom, 0, UTF8_BOM.length);
        System.arraycopy(body, 0, withBom, UTF8_BOM.length, body.length);
        return stage.launch(List.of(bin.get().toString(), "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass",
                "-File"), withBom, ".ps1");
    }
}
