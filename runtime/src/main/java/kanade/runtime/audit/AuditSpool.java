package kanade.runtime.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import kanade.protocol.wire.AuditEvent;
import kanade.protocol.wire.Json;
import kanade.protocol.wire.WireFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audit events of emergency stops that could not be written yet: one JSON file per event (atomic write), kept until
 * the broker acknowledges it. The message id is fixed when the event is spooled, so a retry after a lost ack is
 * deduplicated by the AUDIT stream.
 */
public final class AuditSpool {
    private static final Logger LOG = LoggerFactory.getLogger(AuditSpool.class);
    private static final String SUFFIX = ".json";

    /** One spooled event and the message id it is published with. */
    public record Pending(@JsonProperty("message_id") String messageId, AuditEvent event) {
    }

    private final Path dir;

    public AuditSpool(Path dir) {
        this.dir = dir;
    }

    /** Where the events are kept. */
    public Path dir() {
        return dir;
    }

    /** Keeps {@code pending} on disk until {@link #remove} is called for it. */
    public void store(Pending pending) {
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(pending.messageId() + ".tmp");
            Files.write(tmp, Json.encode(pending));
            try {
                Files.move(tmp, file(pending.messageId()), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file(pending.messageId()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool audit event in " + dir, e);
        }
    }

    /** Every spooled event, oldest first; unreadable files are logged and left for an operator. */
    public List<Pending> pending() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list audit spool " + dir, e);
        }
        List<Pending> result = new ArrayList<>();
        files.stream().sorted((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()))
                .forEach(file -> {
                    try {
                        result.add(Json.decode(Files.readAllBytes(file), Pending.class));
                    } catch (IOException | WireFormatException e) {
                        LOG.error("unreadable audit spool entry {} ({}); left in place", file, e.getMessage());
                    }
                });
        return result;
    }

    /** Forgets an event once the broker acknowledged it. */
    public void remove(String messageId) {
        try {
            Files.deleteIfExists(file(messageId));
        } catch (IOException e) {
            LOG.warn("cannot remove audit spool entry {}: {}", messageId, e.getMessage());
        }
    }

    private Path file(String messageId) {
        return dir.resolve(messageId + SUFFIX);
    }
}
