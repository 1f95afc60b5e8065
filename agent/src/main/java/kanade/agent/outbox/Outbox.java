package kanade.agent.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import kanade.protocol.wire.ExecResult;
import kanade.runtime.files.OwnerOnly;
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
        return new Outbox(OwnerOnly.directory(dataDir.resolve("outbox")));
    }

    /**
     * Stores a result's JSON (encoded once by the publisher) durably until {@link #remove} is called: written to an
     * owner-only temp file and forced to disk, renamed atomically into place, then the directory is forced too, so the
     * entry survives a crash or power loss and no other local user reads it.
     */
    public void store(String resultId, byte[] json) {
        OwnerOnly.write(file(resultId), json, true);
        forceDirectory();
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

    /** Entries still waiting for an ack, oldest first; unreadable ones are already moved aside to {@code .bad}. */
    public List<OutboxEntry> pending() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted(Comparator.comparing(Outbox::modified))
                    .map(this::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list outbox " + dir, e);
        }
    }

    private OutboxEntry read(Path file) {
        byte[] bytes = new byte[0];
        try {
            bytes = Files.readAllBytes(file);
            return new OutboxEntry.Readable(Json.decode(bytes, ExecResult.class));
        } catch (IOException | WireFormatException e) {
            String name = file.getFileName().toString();
            String resultId = name.substring(0, name.length() - ".json".length());
            String reason = e instanceof WireFormatException ? "not a complete result" : "cannot be read";
            quarantine(resultId, reason + ": " + e.getMessage());
            return new OutboxEntry.Unreadable(resultId,
                    StandIns.salvageRequestId(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)),
                    java.time.Instant.ofEpochMilli(modified(file)), reason);
        }
    }

    /** Moves an entry that can never be published as it is to {@code <result_id>.json.bad}, with one log line. */
    public void quarantine(String resultId, String why) {
        Path file = file(resultId);
        LOG.error("outbox entry {} cannot be published ({}); moved to {}.bad", file, why, file.getFileName());
        try {
            Files.move(file, file.resolveSibling(file.getFileName() + ".bad"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warn("cannot move {} aside: {}", file, e.toString());
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return System.currentTimeMillis();
        }
    }

    private Path file(String resultId) {
        return dir.resolve(resultId + ".json");
    }
}
