package kanade.cli.login;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import kanade.cli.CliEnvironment;
import picocli.CommandLine;

/**
 * Asks for a username and passwords: on the terminal, passwords without echo ({@link Console#readPassword}) and new
 * ones twice; with {@code --password-stdin}, or when there is no terminal, one line of standard input each (a new
 * password once), so scripts and tests can pipe them. Passwords never come from the command line.
 */
public final class SecretPrompt {
    private final Console console;
    private final CliEnvironment env;
    private final PrintWriter err;
    private final boolean quiet;
    private BufferedReader stdin;

    private SecretPrompt(Console console, CliEnvironment env, PrintWriter err, boolean quiet) {
        this.console = console;
        this.env = env;
        this.err = err;
        this.quiet = quiet;
    }

    /** The prompt of the running command: standard input when {@code fromStdin} or when there is no terminal. */
    public static SecretPrompt of(CommandLine.Model.CommandSpec spec, boolean fromStdin) {
        CliEnvironment env = CliEnvironment.of(spec);
        Console console = fromStdin || env.stdin() != System.in ? null : System.console();
        return new SecretPrompt(console, env, spec.commandLine().getErr(), fromStdin);
    }

    /** A visible answer (a username). */
    public String line(String prompt) {
        if (console != null) {
            return required(console.readLine("%s: ", prompt), prompt);
        }
        return required(readStdin(prompt), prompt);
    }

    /** A password, not echoed. */
    public String secret(String prompt) {
        if (console != null) {
            char[] typed = console.readPassword("%s: ", prompt);
            return required(typed == null ? null : new String(typed), prompt);
        }
        return required(readStdin(prompt), prompt);
    }

    /** A new password: typed twice on a terminal (they must match), one line on standard input. */
    public String newSecret(String prompt) {
        String first = secret(prompt);
        if (console != null && !first.equals(secret("Repeat it"))) {
            throw new IllegalArgumentException("the two passwords differ; nothing was changed");
        }
        return first;
    }

    private String readStdin(String prompt) {
        if (!quiet) {
            err.print(prompt + ": ");
            err.flush();
        }
        try {
            if (stdin == null) {
                stdin = new BufferedReader(new InputStreamReader(env.stdin(), StandardCharsets.UTF_8));
            }
            String line = stdin.readLine();
            return line != null && line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
    }

    private static String required(String value, String prompt) {
        if (value == null) {
            throw new IllegalArgumentException("no answer for \"" + prompt + "\": standard input ended (with "
                    + "--password-stdin, put each password on its own line)");
        }
        if (value.isEmpty()) {
            throw new IllegalArgumentException("\"" + prompt + "\" must not be empty");
        }
        return value;
    }
}
