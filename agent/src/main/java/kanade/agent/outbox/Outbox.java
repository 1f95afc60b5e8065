package kanade.agent.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import kanade.protocol.wire.ExecResult;
import kanade.protocol.wire.Json;
import kanade.protocol.wire.WireFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's write-ahead outbox: every result is written to {@code <data>/outbox/<result_id>.json} (forced to disk,
 * atomic rename) before its first publish, and deleted only after the broker acknowledged it, so a crash or a long
 * outage loses nothing.
 */
public final class Outbox {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private final Path dir;

    private Outbox(Path dir) {
        this.dir = dir;
    }

    /** Opens (or creates) the outbox under {@code dataDir}. */
    public static Outbox open(Path dataDir) {
        Path dir = dataDir.resolve("outbox");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create outbox " + dir, e);
        }
        return new Outbox(dir);
    }

    /**
     * Stores a result's JSON (encoded once by the publisher) durably until {@link #remove} is called: written to a temp file and forced to disk, renamed
     * atomically into place, then the directory is forced too, so the entry survives a crash or power loss.
     */
    public void store(String resultId, byte[] json) {
        Path target = file(resultId);
        Path tmp = dir.resolve(resultId + ".tmp");
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(json);
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                out.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private void forceDirectory() {
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory as a channel; NTFS journals the rename itself
            LOG.debug("outbox directory {} not forced: {}", dir, e.toString());
        }
    }

    /** Forgets a result the broker acknowledged. */
    public void remove(String resultId) {
        try {
            Files.deleteIfExists(file(resultId));
        } catch (IOException e) {
            LOG.warn("cannot delete outbox entry {}: {}", resultId, e.toString());
        }
    }

    /** Results still waiting for an ack, oldest first. Unreadable entries are moved aside and reported. */
    public List<ExecResult> pending() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted(Comparator.comparing(Outbox::modified))
                    .map(this::readOrQuarantine)
                    .filter(r -> r != null)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list outbox " + dir, e);
        }
    }

    private ExecResult readOrQuarantine(Path file) {
        try {
            return Json.decode(Files.readAllBytes(file), ExecResult.class);
        } catch (IOException | WireFormatException e) {
            LOG.error("outbox entry {} is unreadable ({}); moved to {}.bad", file, e.getMessage(), file);
            try {
                Files.move(file, file.resolveSibling(file.getFileName() + ".bad"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException ignored) {
                // it stays and is reported again next time
            }
            return null;
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private Path file(String resultId) {
        return dir.resolve(resultId + ".json");
    }
}
