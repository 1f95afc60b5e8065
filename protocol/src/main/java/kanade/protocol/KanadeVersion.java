package kanade.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this Kanade build, read once from the jar's {@code kanade/version.properties}. */
public final class KanadeVersion {
    private static final String VERSION = load();

    private KanadeVersion() {
    }

    /** The build's version string, for example {@code 0.1.0}. */
    public static String current() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = KanadeVersion.class.getResourceAsStream("/kanade/version.properties")) {
            if (in == null) {
                return "0.0.0-dev";
            }
            Properties props = new Properties();
            props.load(in);
            return props.getProperty("version", "0.0.0-dev");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read kanade/version.properties", e);
        }
    }
}
