package kanade.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The secrets a kanade-dev up session made, and where they must not appear (logs, command lines). */
final class UpSecrets {
    private UpSecrets() {
    }

    /** {@code KEY='value'} or {@code export KEY='value'} lines of an env file. */
    static Map<String, String> envFile(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String text = line.strip().replaceFirst("^export ", "");
            int eq = text.indexOf('=');
            if (eq > 0 && !text.startsWith("#")) {
                values.put(text.substring(0, eq), text.substring(eq + 1).replaceAll("^'|'$", ""));
            }
        }
        return values;
    }

    /** Every secret value of the session: passwords, seeds, tokens, the JWT secret. */
    static List<String> all(Path data) throws IOException {
        List<String> secrets = new ArrayList<>();
        secrets.add(Files.readString(data.resolve("secrets/admin-password")).strip());
        secrets.add(Files.readString(data.resolve("jwt-secret")).strip());
        for (String file : List.of("secrets/agent.env", "secrets/backend.env", "secrets/admin.env", "dev.env")) {
            envFile(data.resolve(file)).forEach((key, value) -> {
                if (key.contains("PASSWORD") || key.contains("SEED") || key.contains("TOKEN")) {
                    secrets.add(value);
                }
            });
        }
        return secrets;
    }

    /** Where any of {@code secrets} shows up in the log files under {@code logs}; empty when nowhere. */
    static List<String> inLogs(Path logs, List<String> secrets) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(logs)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                secrets.stream().filter(text::contains).forEach(s -> found.add(file + " holds a secret"));
            }
        }
        return found;
    }

    /** Where any of {@code secrets} shows up in the command lines of {@code processes}. */
    static List<String> inCommandLines(List<ProcessHandle> processes, List<String> secrets) {
        List<String> found = new ArrayList<>();
        for (ProcessHandle process : processes) {
            Path cmdline = Path.of("/proc", String.valueOf(process.pid()), "cmdline");
            try {
                String text = new String(Files.readAllBytes(cmdline), StandardCharsets.ISO_8859_1);
                secrets.stream().filter(text::contains).forEach(s -> found.add("pid " + process.pid() + " argv"));
            } catch (IOException gone) {
                // the process ended meanwhile
            }
        }
        return found;
    }
}
