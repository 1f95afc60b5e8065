package kanade.cli.login;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import kanade.cli.CliEnvironment;
import kanade.cli.CliFailure;
import kanade.cli.ErrorCode;
import kanade.cli.OutputOption;
import kanade.cli.backend.BackendAccess;
import kanade.cli.backend.BackendClient;
import kanade.cli.backend.TokenFile;
import picocli.CommandLine;

/**
 * {@code kanade login [--username U] [--password-stdin]}: exchanges username and password for a session token
 * (POST /api/auth/login), sets a new password first when the account must change it, and stores the token owner-only
 * in the user's config dir for the next commands.
 */
@CommandLine.Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Log in to the backend and store the session token for the next kanade commands.",
                "Asks for the username (unless --username) and the password (not echoed); when the account must change "
                        + "its password first, asks for a new one twice. With --password-stdin the password is the "
                        + "first line of standard input and a new one, when needed, the second.",
                "The token and the backend's URL go to $KANADE_CONFIG_DIR, else $XDG_CONFIG_HOME/kanade, else "
                        + "~/.config/kanade (%%APPDATA%%\\Kanade on Windows), file `token`, mode 0600. Later commands "
                        + "use that URL unless told another and never send the token elsewhere. KANADE_AUTH_TOKEN, when "
                        + "set, is used instead."})
public final class LoginCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin
    OutputOption output;
    @CommandLine.Option(names = {"-u", "--username"}, paramLabel = "NAME",
            description = "the account (default: ask)")
    String username;
    @CommandLine.Option(names = "--password-stdin",
            description = "read the password (and a new one, when it must be changed) from standard input, one per line")
    boolean passwordStdin;

    @Override
    public Integer call() {
        CliEnvironment env = CliEnvironment.of(spec);
        PrintWriter err = spec.commandLine().getErr();
        BackendAccess access = BackendAccess.of(spec).anonymous();
        SecretPrompt prompt = SecretPrompt.of(spec, passwordStdin);
        String user = username != null ? username : prompt.line("Username");
        String password = prompt.secret("Password for " + user);
        JsonNode session;
        try (BackendClient client = new BackendClient(access)) {
            session = login(client, user, password);
            if (session.path("must_change_pw").asBoolean()) {
                err.println("The password of " + user + " must be changed before it can be used.");
                err.flush();
                String next = prompt.newSecret("New password for " + user);
                try (BackendClient asUser = new BackendClient(access.withToken(session.path("token").asText()))) {
                    asUser.post("/api/auth/change-password", Map.of("old_password", password, "new_password", next));
                }
                session = login(client, user, next);
            }
        }
        TokenFile file = TokenFile.in(env.configDir());
        file.write(new TokenFile.Login(access.url(), session.path("token").asText()));
        String role = session.path("role").asText();
        Instant expires = Instant.ofEpochSecond(session.path("exp").asLong());
        if (env.env().get(BackendAccess.TOKEN_VAR) != null) {
            err.println("note: " + BackendAccess.TOKEN_VAR + " is set and is used instead of the stored token until "
                    + "you unset it");
            err.flush();
        }
        if (output.json()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("username", user);
            body.put("role", role);
            body.put("backend_url", access.url());
            body.put("token_file", file.path().toString());
            body.put("expires_at", expires.toString());
            OutputOption.printJson(spec.commandLine().getOut(), body);
        } else {
            spec.commandLine().getOut().println("Logged in to " + access.url() + " as " + user + " (role " + role
                    + "). Token stored in " + file.path() + " (mode 0600), valid until " + expires + ".");
        }
        return 0;
    }

    private static JsonNode login(BackendClient client, String user, String password) {
        BackendClient.Response response = client.exchange("POST", "/api/auth/login",
                Map.of("username", user, "password", password), BackendClient.DEFAULT_TIMEOUT);
        if (response.status() == 401) {
            throw new CliFailure(ErrorCode.UNAUTHORIZED, "the backend at " + client.access().url()
                    + " refused the login: wrong username or password, or the account is disabled");
        }
        return client.checked(response);
    }
}
