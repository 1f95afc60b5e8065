package kanade.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import kanade.protocol.wire.Json;
import picocli.CommandLine;

/** The {@code -o text|json} mixin of every command that prints data; JSON uses the wire's snake_case names. */
public final class OutputOption {
    /** The output formats. */
    public enum Format {
        /** Tables and lines for people (default). */
        TEXT,
        /** One JSON document on stdout, for scripts. */
        JSON
    }

    @CommandLine.Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "FORMAT",
            description = "output format: text or json (default ${DEFAULT-VALUE}); errors become {\"error\":{\"code\",\"message\"}}")
    Format format = Format.TEXT;

    /** Whether JSON was asked for. */
    public boolean json() {
        return format == Format.JSON;
    }

    /** Whether the command {@code spec} was asked for JSON (false when it has no {@code -o}). */
    public static boolean json(CommandLine.Model.CommandSpec spec) {
        CommandLine.Model.OptionSpec option = spec.findOption("--output");
        return option != null && option.getValue() == Format.JSON;
    }

    /** Prints {@code value} as one line of JSON on {@code out}. */
    public static void printJson(PrintWriter out, Object value) {
        try {
            out.println(Json.mapper().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName() + " as JSON", e);
        }
        out.flush();
    }
}
