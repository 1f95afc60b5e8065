package kanade.runtime.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and directories only their owner may read: directories 0700 and files 0600, given those modes when they are
 * created (never chmod'ed afterwards, so there is no moment they are readable). On file systems without POSIX modes
 * (Windows) the directory's ACL, set by the installer, protects them.
 */
public final class OwnerOnly {
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /** Creates {@code dir} (and missing parents) as 0700, or tightens an existing one to 0700. */
    public static Path directory(Path dir) {
        try {
            if (Files.isDirectory(dir)) {
                if (posix(dir) && !Files.getPosixFilePermissions(dir).equals(DIR)) {
                    Files.setPosixFilePermissions(dir, DIR);
                }
                return dir;
            }
            return posix(dir.toAbsolutePath().getRoot()) ? Files.createDirectories(dir, attribute(DIR))
                    : Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /** The attributes that create a file as 0600 (none where there are no POSIX modes). */
    public static FileAttribute<?>[] fileAttributes(Path file) {
        return posix(file.toAbsolutePath().getRoot()) ? new FileAttribute<?>[] {attribute(FILE)} : new FileAttribute<?>[0];
    }

    /** Creates an empty 0600 file; false when it already exists. */
    public static boolean createFile(Path file) {
        try {
            Files.createFile(file, fileAttributes(file));
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }

    /**
     * Writes {@code bytes} to {@code file} atomically: a fresh 0600 temp file, forced to disk when {@code durable},
     * then renamed over the target.
     */
    public static void write(Path file, byte[] bytes, boolean durable) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            // the mode applies when the file is created; a temp file left by a crash was created 0600 too
            try (FileChannel out = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING), fileAttributes(tmp))) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                if (durable) {
                    out.force(true);
                }
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }

    private static boolean posix(Path path) {
        return path != null && path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
