package kanade.runtime.config;

import java.nio.file.Path;
import java.util.Map;

/** The platform's default data directory: {@code /var/lib/kanade} or {@code %ProgramData%\Kanade\data}. */
public final class DataDirs {
    private DataDirs() {
    }

    /** The default data dir for {@code os}. */
    public static Path defaultDataDir(OsFamily os, Map<String, String> env) {
        if (os == OsFamily.WINDOWS) {
            return Path.of(env.getOrDefault("ProgramData", "C:\\ProgramData"), "Kanade", "data");
        }
        return Path.of("/var/lib/kanade");
    }
}
