package kanade.cli.account;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Map;
import kanade.cli.OutputOption;
import kanade.cli.backend.BackendClient;
import kanade.cli.login.SecretPrompt;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kanade account list|create|set-role|disable|enable|reset-password}: the backend's accounts (admin only),
 * through GET/POST /api/accounts and PATCH /api/accounts/{username}. Each change acts at once on the account's
 * tokens and is audited by the backend.
 */
@Command(name = "account", mixinStandardHelpOptions = true,
        description = {"Manage the backend's accounts (needs the admin role).",
                "Roles: viewer (reads), operator (also runs, kills, pings), admin (also accounts and tokens)."})
public final class AccountCommand implements Runnable {
    private static final String PATH = "/api/accounts";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "choose a subcommand: list, create, set-role, disable, enable or reset-password");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every account (-o json: the API's).")
    int list(@Mixin OutputOption output) {
        try (BackendClient client = BackendClient.of(spec)) {
            JsonNode accounts = client.get(PATH);
            PrintWriter out = spec.commandLine().getOut();
            if (output.json()) {
                OutputOption.printJson(out, accounts);
                return 0;
            }
            out.printf("%-24s %-9s %-32s %s%n", "USERNAME", "ROLE", "STATE", "LAST_LOGIN");
            for (JsonNode a : accounts) {
                out.printf("%-24s %-9s %-32s %s%n", a.path("username").asText(), a.path("role").asText(), state(a),
                        a.path("last_login_at").asText("-"));
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create an account; its password must be changed at its first `kanade login`.",
                    "Asks for the password twice (or one line of standard input with --password-stdin)."})
    int create(@Parameters(paramLabel = "USERNAME", description = "the new account's name") String username,
               @Option(names = "--role", required = true, paramLabel = "ROLE",
                       description = "viewer, operator or admin") Role role,
               @Option(names = "--password-stdin", description = "read the password from standard input")
               boolean passwordStdin,
               @Mixin OutputOption output) {
        String password = SecretPrompt.of(spec, passwordStdin).newSecret("Password for " + username);
        try (BackendClient client = BackendClient.of(spec)) {
            return print(output, "created", client.post(PATH, Map.of("username", username, "password", password,
                    "role", role.wireName())));
        }
    }

    @Command(name = "set-role", mixinStandardHelpOptions = true,
            description = "Change an account's role; acts at once on its tokens (not the last enabled admin).")
    int setRole(@Parameters(index = "0", paramLabel = "USERNAME") String username,
                @Parameters(index = "1", paramLabel = "ROLE", description = "viewer, operator or admin") Role role,
                @Mixin OutputOption output) {
        return patch(username, Map.<String, Object>of("role", role.wireName()), "changed", output);
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disable an account: its tokens are refused at once (not the last enabled admin).")
    int disable(@Parameters(paramLabel = "USERNAME") String username, @Mixin OutputOption output) {
        return patch(username, Map.<String, Object>of("disabled", true), "disabled", output);
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a disabled account again.")
    int enable(@Parameters(paramLabel = "USERNAME") String username, @Mixin OutputOption output) {
        return patch(username, Map.<String, Object>of("disabled", false), "enabled", output);
    }

    @Command(name = "reset-password", mixinStandardHelpOptions = true,
            description = {"Set a new password for an account; it must be changed at the account's next login.",
                    "Asks for it twice (or one line of standard input with --password-stdin)."})
    int resetPassword(@Parameters(paramLabel = "USERNAME") String username,
                      @Option(names = "--password-stdin", description = "read the password from standard input")
                      boolean passwordStdin,
                      @Mixin OutputOption output) {
        String password = SecretPrompt.of(spec, passwordStdin).newSecret("New password for " + username);
        return patch(username, Map.<String, Object>of("password", password), "password reset for", output);
    }

    private int patch(String username, Map<String, Object> change, String verb, OutputOption output) {
        try (BackendClient client = BackendClient.of(spec)) {
            return print(output, verb, client.patch(PATH + "/" + BackendClient.segment(username), change));
        }
    }

    private int print(OutputOption output, String verb, JsonNode account) {
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            OutputOption.printJson(out, account);
        } else {
            out.println("account " + verb + " " + account.path("username").asText() + ": role "
                    + account.path("role").asText() + ", " + state(account));
            out.flush();
        }
        return 0;
    }

    private static String state(JsonNode account) {
        String state = account.path("disabled").asBoolean() ? "disabled" : "enabled";
        return account.path("must_change_pw").asBoolean() ? state + ", must change password" : state;
    }
}
