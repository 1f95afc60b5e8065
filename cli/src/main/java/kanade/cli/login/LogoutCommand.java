package kanade.cli.login;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import kanade.cli.CliEnvironment;
import kanade.cli.OutputOption;
import kanade.cli.backend.BackendAccess;
import kanade.cli.backend.TokenFile;
import picocli.CommandLine;

/** {@code kanade logout}: deletes the token {@code kanade login} stored. */
@CommandLine.Command(name = "logout", mixinStandardHelpOptions = true,
        description = {"Delete the session token `kanade login` stored.",
                "The session itself ends when it expires (12 h): a copy of the token elsewhere keeps working until "
                        + "then. Named API tokens are revoked with `kanade token revoke`."})
public final class LogoutCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin
    OutputOption output;

    @Override
    public Integer call() {
        CliEnvironment env = CliEnvironment.of(spec);
        TokenFile file = TokenFile.in(env.configDir());
        boolean deleted = file.delete();
        PrintWriter err = spec.commandLine().getErr();
        if (env.env().get(BackendAccess.TOKEN_VAR) != null) {
            err.println("note: " + BackendAccess.TOKEN_VAR + " is still set; unset it too");
            err.flush();
        }
        if (output.json()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("token_file", file.path().toString());
            body.put("deleted", deleted);
            OutputOption.printJson(spec.commandLine().getOut(), body);
        } else {
            spec.commandLine().getOut().println(deleted ? "Logged out: deleted the token " + file.path()
                    : "Not logged in: there was no token at " + file.path());
        }
        return 0;
    }
}
