package kanade.runtime.config;

import java.util.Locale;

/** The operating system family, as templates ({@code system.os}) and heartbeats ({@code os_family}) name it. */
public enum OsFamily {
    WINDOWS("windows"), LINUX("linux"), MACOS("macos");

    private final String wireName;

    OsFamily(String wireName) {
        this.wireName = wireName;
    }

    /** The lowercase name used on the wire and in templates. */
    public String wireName() {
        return wireName;
    }

    /** The family of the running JVM's OS. */
    public static OsFamily current() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return WINDOWS;
        }
        return os.contains("mac") ? MACOS : LINUX;
    }
}
