package kanade.cli.account;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import kanade.cli.OutputOption;
import kanade.cli.backend.BackendClient;
import kanade.cli.run.DurationConverter;
import kanade.protocol.time.HumanDuration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kanade token create|list|revoke}: named API tokens for automation (admin only), through /api/tokens. A token
 * acts with its account's current role; only its hash is kept, so it is shown once, when created.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Manage named API tokens for automation (needs the admin role).",
                "A token acts with its account's current role; use it as KANADE_AUTH_TOKEN."})
public final class TokenCommand implements Runnable {
    private static final String PATH = "/api/tokens";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a subcommand: create, list or revoke");
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create a token and print it (stdout, alone on its line; -o json: name, username, token, "
                    + "expires_at). It is shown this once: store it now."})
    int create(@Parameters(paramLabel = "NAME", description = "a unique name, e.g. ci-deploy") String name,
               @Option(names = {"-u", "--username"}, paramLabel = "NAME",
                       description = "the account it acts as (default: yours)") String username,
               @Option(names = "--expires", paramLabel = "DURATION", converter = DurationConverter.class,
                       description = "lifetime: 90d, 12h, ... (default: never expires)") Duration expires,
               @Mixin OutputOption output) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        if (username != null) {
            body.put("username", username);
        }
        if (expires != null) {
            body.put("expires_in", HumanDuration.format(expires));
        }
        try (BackendClient client = BackendClient.of(spec)) {
            JsonNode created = client.post(PATH, body);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            err.println("Token " + created.path("name").asText() + " for " + created.path("username").asText()
                    + ", expires " + created.path("expires_at").asText("never") + ". Store it now: it is not shown "
                    + "again (revoke it with `kanade token revoke " + name + "`).");
            err.flush();
            if (output.json()) {
                OutputOption.printJson(out, created);
            } else {
                out.println(created.path("token").asText());
                out.flush();
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List tokens by name and last use, never their secrets (-o json: the API's).")
    int list(@Option(names = {"-u", "--username"}, paramLabel = "NAME", description = "only this account's")
             String username,
             @Mixin OutputOption output) {
        try (BackendClient client = BackendClient.of(spec)) {
            JsonNode tokens = client.get(PATH + (username == null ? "" : "?username="
                    + BackendClient.segment(username)));
            PrintWriter out = spec.commandLine().getOut();
            if (output.json()) {
                OutputOption.printJson(out, tokens);
                return 0;
            }
            out.printf("%-20s %-20s %-22s %-22s %s%n", "NAME", "USERNAME", "CREATED", "EXPIRES", "LAST_USED");
            for (JsonNode t : tokens) {
                out.printf("%-20s %-20s %-22s %-22s %s%n", t.path("name").asText(), t.path("username").asText(),
                        t.path("created_at").asText("-"), t.path("expires_at").asText("never"),
                        t.path("last_used_at").asText("never"));
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token: refused from now on.")
    int revoke(@Parameters(paramLabel = "NAME") String name, @Mixin OutputOption output) {
        try (BackendClient client = BackendClient.of(spec)) {
            client.delete(PATH + "/" + BackendClient.segment(name));
        }
        if (output.json()) {
            OutputOption.printJson(spec.commandLine().getOut(), Map.of("name", name, "revoked", true));
        } else {
            spec.commandLine().getOut().println("revoked token " + name);
        }
        return 0;
    }
}
