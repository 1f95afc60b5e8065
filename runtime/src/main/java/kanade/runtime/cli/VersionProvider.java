package kanade.runtime.cli;

import kanade.protocol.KanadeVersion;
import picocli.CommandLine;

/** Supplies {@code --version} output for every Kanade program. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"${COMMAND-FULL-NAME} " + KanadeVersion.current(),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "?") + ")"};
    }
}
