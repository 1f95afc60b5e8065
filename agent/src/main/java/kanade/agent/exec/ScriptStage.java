package kanade.agent.exec;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kanade.protocol.wire.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where scripts wait for their shell: {@code agent-scripts/} under the agent's data dir, created 0700, one file per
 * run named by a random UUID (never by anything a command says), created 0600 (the mode is given at creation, not
 * set afterwards) and deleted after the run. On Windows the files inherit the data dir's ACL. Files left by a crash
 * are removed when the stage is opened at agent start.
 */
public final class ScriptStage {
    private static final Logger LOG = LoggerFactory.getLogger(ScriptStage.class);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");

    private final Path dir;

    private ScriptStage(Path dir) {
        this.dir = dir;
    }

    /** The stage under {@code dataDir}, emptied of what an earlier run of the agent left there. */
    public static ScriptStage under(Path dataDir) {
        ScriptStage stage = new ScriptStage(dataDir.resolve("agent-scripts"));
        stage.removeLeftovers();
        return stage;
    }

    /** Writes {@code body} to a new private file ending in {@code extension} and returns its path. */
    public Path write(byte[] body, String extension) throws IOException {
        ensureDir();
        Path file = dir.resolve(Ids.randomUuid() + extension);
        Files.createFile(file, attributes(FILE_MODE));
        try {
            Files.write(file, body);
        } catch (IOException e) {
            delete(file);
            throw e;
        }
        return file;
    }

    /** A launch of {@code prefix} followed by the staged {@code body}'s path. */
    public ShellLaunch.Ready launch(List<String> prefix, byte[] body, String extension) throws IOException {
        Path file = write(body, extension);
        List<String> command = new ArrayList<>(prefix);
        command.add(file.toString());
        return new ShellLaunch.Ready(command, file);
    }

    /** Deletes a staged file; a failure is logged and the file goes at the next start. */
    public void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot delete staged script {}: {}", file, e.toString());
        }
    }

    private void ensureDir() throws IOException {
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.createDirectories(dir.getParent());
        try {
            Files.createDirectory(dir, attributes(DIR_MODE));
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw e;
            }
        }
    }

    private void removeLeftovers() {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                delete(file);
            }
            if (POSIX) {
                // a directory made by an older agent: tighten it (its files are gone, new ones are created 0600)
                Files.setPosixFilePermissions(dir, DIR_MODE);
            }
        } catch (IOException e) {
            LOG.warn("cannot clean {}: {}", dir, e.toString());
        }
    }

    private static FileAttribute<?>[] attributes(Set<PosixFilePermission> mode) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)} : new FileAttribute<?>[0];
    }
}
