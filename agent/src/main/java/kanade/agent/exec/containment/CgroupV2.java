package kanade.agent.exec.containment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds this process's own cgroup v2 directory: the {@code 0::<path>} line of /proc/self/cgroup under the cgroup2
 * mount that /proc/self/mountinfo names ({@code /sys/fs/cgroup} on modern systems, {@code /sys/fs/cgroup/unified} on
 * hybrid ones).
 */
final class CgroupV2 {
    private CgroupV2() {
    }

    /** This process's cgroup directory, if it runs under cgroup v2. */
    static Optional<Path> ownDirectory() {
        try {
            return locate(Files.readString(Path.of("/proc/self/mountinfo")),
                    Files.readString(Path.of("/proc/self/cgroup")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The directory that {@code cgroup} (the text of /proc/self/cgroup) names under a cgroup2 mount of {@code mountinfo}. */
    static Optional<Path> locate(String mountinfo, String cgroup) {
        Optional<String> own = cgroup.lines().filter(line -> line.startsWith("0::")).map(line -> line.substring(3))
                .filter(path -> path.startsWith("/") && !path.endsWith(" (deleted)")).findFirst();
        if (own.isEmpty()) {
            return Optional.empty();
        }
        for (String line : mountinfo.lines().toList()) {
            int separator = line.indexOf(" - ");
            if (separator < 0 || !line.substring(separator + 3).startsWith("cgroup2 ")) {
                continue;
            }
            String[] fields = line.substring(0, separator).split(" ");
            if (fields.length < 5) {
                continue;
            }
            String root = unescape(fields[3]);
            String path = own.get();
            if (root.equals("/") || path.equals(root) || path.startsWith(root + "/")) {
                String relative = root.equals("/") ? path : path.substring(root.length());
                return Optional.of(Path.of(unescape(fields[4]) + relative).normalize());
            }
        }
        return Optional.empty();
    }

    /** mountinfo writes space, tab, newline and backslash as {@code \ooo} octal escapes. */
    private static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length() && isOctal(field.substring(i + 1, i + 4))) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String digits) {
        return digits.chars().allMatch(d -> d >= '0' && d <= '7');
    }
}
