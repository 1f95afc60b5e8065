package kanade.agent.dedup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The request ids this agent has already taken, kept on disk so a repeated Command (live, replayed or after a
 * restart) is not run twice. The newest {@code capacity} ids are kept; the file is an append log (one write per id,
 * which survives a crash of the agent process) compacted as it grows.
 */
public final class ExecutedRequests {
    /** How many request ids are remembered by default. */
    public static final int DEFAULT_CAPACITY = 4096;

    private final Path file;
    private final int capacity;
    private final SequencedSet<String> ids = new LinkedHashSet<>();
    private final ReentrantLock lock = new ReentrantLock();
    private int linesInFile;

    private ExecutedRequests(Path file, int capacity) {
        this.file = file;
        this.capacity = capacity;
    }

    /** Opens (or creates) the store at {@code dataDir/executed-requests.log}. */
    public static ExecutedRequests open(Path dataDir, int capacity) {
        ExecutedRequests store = new ExecutedRequests(dataDir.resolve("executed-requests.log"), capacity);
        store.load();
        return store;
    }

    /** Records {@code requestId}; returns false when it was already taken (the caller must not run it again). */
    public boolean claim(String requestId) {
        lock.lock();
        try {
            if (ids.contains(requestId)) {
                return false;
            }
            ids.addLast(requestId);
            while (ids.size() > capacity) {
                ids.removeFirst();
            }
            append(requestId);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Whether {@code requestId} was already taken. */
    public boolean contains(String requestId) {
        lock.lock();
        try {
            return ids.contains(requestId);
        } finally {
            lock.unlock();
        }
    }

    private void load() {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                return;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines) {
                String id = line.trim();
                if (!id.isEmpty()) {
                    ids.remove(id);
                    ids.addLast(id);
                }
            }
            while (ids.size() > capacity) {
                ids.removeFirst();
            }
            linesInFile = lines.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private void append(String requestId) {
        try {
            if (linesInFile >= 2 * capacity) {
                compact();
            }
            // open, append, close: no descriptor held per agent (the simulator runs thousands in one process)
            try (FileChannel log = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE)) {
                log.write(ByteBuffer.wrap((requestId + "\n").getBytes(StandardCharsets.UTF_8)));
            }
            linesInFile++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record request " + requestId + " in " + file, e);
        }
    }

    private void compact() throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        List<String> keep = new ArrayList<>(ids);
        Files.write(tmp, keep, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        linesInFile = keep.size();
    }
}
