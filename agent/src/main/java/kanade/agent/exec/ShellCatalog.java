package kanade.agent.exec;

import java.io.IOException;
import kanade.runtime.config.OsFamily;

/**
 * Turns a Command's shell and script into a command line for this platform (PowerShell/cmd on Windows, sh/bash/pwsh
 * on Linux). Scripts are staged in a file, never passed as an argument, except for cmd (see WindowsShellCatalog).
 */
public interface ShellCatalog {

    /** The shell used when a Command names none. */
    String defaultShell();

    /** How to run {@code script} with {@code shell} (null = default), staging it on {@code stage}. */
    ShellLaunch prepare(String shell, String script, ScriptStage stage) throws IOException;

    /** The catalog for {@code os}. */
    static ShellCatalog forPlatform(OsFamily os) {
        return os == OsFamily.WINDOWS ? new WindowsShellCatalog(ExecutableLookup.system())
                : new LinuxShellCatalog(ExecutableLookup.system());
    }
}
