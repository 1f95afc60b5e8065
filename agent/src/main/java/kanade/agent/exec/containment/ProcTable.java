package kanade.agent.exec.containment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A snapshot of Linux's /proc: each process's parent, state and start time, to find the processes of a job. */
final class ProcTable {
    private static final Path PROC = Path.of("/proc");

    /** One process; {@code pid} and {@code startTime} together name it even if the pid is reused later. */
    record Entry(long pid, long ppid, char state, long startTime) {
        boolean zombie() {
            return state == 'Z' || state == 'X';
        }

        Key key() {
            return new Key(pid, startTime);
        }
    }

    /** A process identity that survives pid reuse. */
    record Key(long pid, long startTime) {
    }

    private final Map<Long, Entry> byPid;
    private final Map<Long, List<Entry>> children = new HashMap<>();

    private ProcTable(Map<Long, Entry> byPid) {
        this.byPid = byPid;
        byPid.values().forEach(e -> children.computeIfAbsent(e.ppid(), p -> new ArrayList<>()).add(e));
    }

    /** Reads every process's /proc/&lt;pid&gt;/stat now (an empty table when /proc cannot be listed). */
    static ProcTable read() {
        Map<Long, Entry> entries = new HashMap<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, p -> isPid(p.getFileName().toString()))) {
            for (Path dir : dirs) {
                try {
                    parse(Files.readString(dir.resolve("stat"), StandardCharsets.ISO_8859_1))
                            .ifPresent(e -> entries.put(e.pid(), e));
                } catch (IOException e) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            // no /proc to read: nothing can be found, and the job's main process was killed already
            return new ProcTable(Map.of());
        }
        return new ProcTable(entries);
    }

    /** The process {@code pid} now, if it exists. */
    static Optional<Entry> one(long pid) {
        try {
            return parse(Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Parses a stat line: {@code pid (comm) state ppid ...}, the start time being field 22; comm may hold anything. */
    static Optional<Entry> parse(String stat) {
        int close = stat.lastIndexOf(')');
        int open = stat.indexOf(" (");
        if (open < 0 || close < 0 || close + 2 >= stat.length()) {
            return Optional.empty();
        }
        String[] rest = stat.substring(close + 2).trim().split(" ");
        if (rest.length < 20) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Entry(Long.parseLong(stat.substring(0, open)), Long.parseLong(rest[1]),
                    rest[0].charAt(0), Long.parseLong(rest[19])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The process with {@code pid}, if it was there. */
    Optional<Entry> get(long pid) {
        return Optional.ofNullable(byPid.get(pid));
    }

    /** The direct children of {@code pid}. */
    List<Entry> childrenOf(long pid) {
        return children.getOrDefault(pid, List.of());
    }

    /** The {@code roots} that exist and all their descendants. */
    Set<Entry> subtree(Collection<Long> roots) {
        Set<Entry> found = new LinkedHashSet<>();
        Deque<Long> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            Entry entry = byPid.get(todo.pop());
            if (entry != null && found.add(entry)) {
                childrenOf(entry.pid()).forEach(child -> todo.push(child.pid()));
            }
        }
        return found;
    }

    /** Whether {@code pid}'s environment holds {@code variable} exactly (NAME=value); false once it is a zombie. */
    static boolean environHas(long pid, String variable) {
        byte[] env;
        try {
            env = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("environ"));
        } catch (IOException e) {
            return false;
        }
        byte[] wanted = variable.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        for (int i = 0; i <= env.length; i++) {
            if (i == env.length || env[i] == 0) {
                if (i - start == wanted.length && java.util.Arrays.equals(env, start, i, wanted, 0, wanted.length)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    private static boolean isPid(String name) {
        return !name.isEmpty() && name.length() < 19 && name.chars().allMatch(Character::isDigit);
    }
}
