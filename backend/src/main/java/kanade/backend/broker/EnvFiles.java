package kanade.backend.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import kanade.runtime.files.OwnerOnly;
import java.util.Map;

/**
 * Small {@code KEY='value'} files that systemd ({@code EnvironmentFile=}) and a shell ({@code set -a}) read, written owner-only (0600, in a 0700 directory, created
 * with those modes and moved into place), and read back.
 */
final class EnvFiles {
    private EnvFiles() {
    }

    static Map<String, String> read(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return values;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String text = line.strip();
                if (text.startsWith("export ")) {
                    text = text.substring("export ".length()).strip();
                }
                int eq = text.indexOf('=');
                if (text.startsWith("#") || eq <= 0) {
                    continue;
                }
                String value = text.substring(eq + 1);
                if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
                    value = value.substring(1, value.length() - 1);
                }
                values.put(text.substring(0, eq), value);
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Lines of {@code KEY='value'}: what systemd's EnvironmentFile= and a shell's {@code set -a; . file} both read.
     * Values are generated and never contain a quote.
     */
    static String render(Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        values.forEach((key, value) -> {
            if (value.contains("'")) {
                throw new IllegalArgumentException(key + " cannot be written with a quote in it");
            }
            out.append(key).append("='").append(value).append("'\n");
        });
        return out.toString();
    }

    static void privateDirectory(Path dir) {
        OwnerOnly.directory(dir);
    }

    /** Writes {@code text} to a new owner-only temp file and moves it over {@code file}. */
    static void write(Path file, String text) {
        OwnerOnly.write(file, text.getBytes(StandardCharsets.UTF_8), false);
    }
}
