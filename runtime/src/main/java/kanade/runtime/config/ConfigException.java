package kanade.runtime.config;

import java.nio.file.Path;

/** A config file could not be found, rendered, parsed or validated. The message names the file, line, key and fix. */
public final class ConfigException extends RuntimeException {
    private final Path file;
    private final int line;
    private final String field;

    public ConfigException(Path file, int line, String field, String message, Throwable cause) {
        super(describe(file, line, field, message), cause);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public ConfigException(String message) {
        super(message);
        this.file = null;
        this.line = -1;
        this.field = null;
    }

    /** The file at fault, or null when no file was found. */
    public Path file() {
        return file;
    }

    /** The 1-based line at fault, or -1 when unknown. */
    public int line() {
        return line;
    }

    /** The dotted key at fault (for example {@code agent.heartbeat_interval}), or null. */
    public String field() {
        return field;
    }

    private static String describe(Path file, int line, String field, String message) {
        StringBuilder out = new StringBuilder();
        out.append(file);
        if (line > 0) {
            out.append(':').append(line);
        }
        out.append(": ");
        if (field != null && !field.isEmpty()) {
            out.append(field).append(": ");
        }
        return out.append(message).toString();
    }
}
