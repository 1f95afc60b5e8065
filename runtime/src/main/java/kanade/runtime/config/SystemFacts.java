package kanade.runtime.config;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Facts about this machine that config templates can use as {@code {{ system.host }}} and friends. */
public record SystemFacts(String host, OsFamily osFamily, String arch, String user) {

    /** Detects the facts of this machine; {@code host} is the short hostname. */
    public static SystemFacts detect(Map<String, String> env) {
        return new SystemFacts(shortHostname(env), OsFamily.current(), System.getProperty("os.arch", "unknown"),
                System.getProperty("user.name", "unknown"));
    }

    /** The template variable {@code system}: host, os, arch, user. */
    public Map<String, Object> asTemplateVariable() {
        return Map.of("host", host, "os", osFamily.wireName(), "arch", arch, "user", user);
    }

    private static String shortHostname(Map<String, String> env) {
        String name = env.get("COMPUTERNAME");
        if (name == null || name.isBlank()) {
            name = readEtcHostname();
        }
        if (name == null || name.isBlank()) {
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                name = "localhost";
            }
        }
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String readEtcHostname() {
        try {
            Path file = Path.of("/etc/hostname");
            return Files.isReadable(file) ? Files.readString(file).trim() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
