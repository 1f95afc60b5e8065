package kanade.cli.backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import kanade.cli.CliEnvironment;
import kanade.cli.CliFailure;
import kanade.cli.ErrorCode;
import kanade.runtime.files.OwnerOnly;

/**
 * The login {@code kanade login} stores: the file {@code token} in the user's config dir with the backend's URL and
 * the session token ({@code backend_url=...} and {@code token=...} lines), created owner-only (0600; a missing
 * directory 0700; modes given at creation) and replaced atomically, so it is never readable by others nor half
 * written. The URL keeps the token from being sent to any other backend.
 */
public final class TokenFile {
    /** A stored login: the backend it is for and its token. */
    public record Login(String backendUrl, String token) {
        @Override
        public String toString() {
            return "Login[" + backendUrl + ", token ***]";
        }
    }

    private static final String URL_KEY = "backend_url=";
    private static final String TOKEN_KEY = "token=";

    private final Path path;

    private TokenFile(Path path) {
        this.path = path;
    }

    /** The token file in {@code configDir}. */
    public static TokenFile in(Path configDir) {
        return new TokenFile(configDir.resolve("token"));
    }

    /** Where the login is kept. */
    public Path path() {
        return path;
    }

    /** The stored login, if there is a complete one. */
    public Optional<Login> read() {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new CliFailure(ErrorCode.FILE_ERROR, "cannot read the stored login " + path + " (" + e.getMessage()
                    + "); fix its permissions, or run `kanade logout` and `kanade login`", e);
        }
        String url = null;
        String token = null;
        for (String line : text.split("\n")) {
            String stripped = line.strip();
            if (stripped.startsWith(URL_KEY)) {
                url = stripped.substring(URL_KEY.length());
            } else if (stripped.startsWith(TOKEN_KEY)) {
                token = stripped.substring(TOKEN_KEY.length());
            }
        }
        return url == null || url.isEmpty() || token == null || token.isEmpty() ? Optional.empty()
                : Optional.of(new Login(url, token));
    }

    /** Stores {@code login}, replacing any earlier one. */
    public void write(Login login) {
        try {
            if (!Files.isDirectory(path.getParent())) {
                OwnerOnly.directory(path.getParent());
            }
            String text = URL_KEY + login.backendUrl() + "\n" + TOKEN_KEY + login.token() + "\n";
            OwnerOnly.write(path, text.getBytes(StandardCharsets.UTF_8), true);
        } catch (UncheckedIOException e) {
            throw new CliFailure(ErrorCode.FILE_ERROR, "cannot store the login in " + path + " ("
                    + e.getCause().getMessage() + "); set " + CliEnvironment.CONFIG_DIR_VAR
                    + " to a writable directory", e);
        }
    }

    /** Deletes the stored login; false when there was none. */
    public boolean delete() {
        try {
            return Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new CliFailure(ErrorCode.FILE_ERROR, "cannot delete the stored login " + path + " ("
                    + e.getMessage() + ")", e);
        }
    }
}
