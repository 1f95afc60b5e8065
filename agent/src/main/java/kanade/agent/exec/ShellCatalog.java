package kanade.agent.exec;

import java.nio.file.Path;
import kanade.runtime.config.OsFamily;

/** Turns a Command's shell and script into a command line for this platform (PowerShell/cmd on Windows, sh/bash on Linux). */
public interface ShellCatalog {

    /** The shell used when a Command names none. */
    String defaultShell();

    /** How to run {@code script} with {@code shell} (null = default); may stage the script under {@code scriptsDir}. */
    ShellLaunch prepare(String shell, String script, String requestId, Path scriptsDir);

    /** The catalog for {@code os}. */
    static ShellCatalog forPlatform(OsFamily os) {
        return os == OsFamily.WINDOWS ? new WindowsShellCatalog(ExecutableLookup.system())
                : new LinuxShellCatalog(ExecutableLookup.system());
    }
}
