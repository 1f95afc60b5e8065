package kanade.backend.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kanade.runtime.files.OwnerOnly;

/** The backend's own secret files (generated JWT secret, first admin password): owner-only, written once. */
final class PrivateFiles {
    private PrivateFiles() {
    }

    /** Creates {@code file} with {@code text}; false when it already exists (another start won). */
    static boolean createNew(Path file, String text) {
        if (!Files.isDirectory(file.getParent())) {
            OwnerOnly.directory(file.getParent());
        }
        if (!OwnerOnly.createFile(file)) {
            return false;
        }
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Replaces {@code file} with {@code text}, owner-only. */
    static void write(Path file, String text) {
        if (!Files.isDirectory(file.getParent())) {
            OwnerOnly.directory(file.getParent());
        }
        OwnerOnly.write(file, text.getBytes(StandardCharsets.UTF_8), false);
    }
}
