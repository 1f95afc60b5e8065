package kanade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import kanade.protocol.wire.Json;
import kanade.testkit.FreePorts;
import kanade.testkit.NatsServerFixture;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** kanade login / logout and the token file, against a real backend with auth on. */
class CliLoginTest {
    @RegisterExtension
    @Order(1)
    static final NatsServerFixture nats = NatsServerFixture.withJetStream();
    @RegisterExtension
    @Order(2)
    static final BackendFixture backend = BackendFixture.on(nats);

    @TempDir
    Path home;

    @Test
    void firstLoginChangesThePasswordAndStoresTheTokenOwnerOnly() throws Exception {
        Path configDir = home.resolve("config").resolve("kanade");
        CliRunner admin = CliRunner.isolated().with(CliEnvironment.CONFIG_DIR_VAR, configDir.toString());

        var login = admin.stdin(BackendFixture.ADMIN_PASSWORD + "\nthe-admins-own-password\n")
                .run("login", "--backend-url", backend.url(), "--username", "admin", "--password-stdin");

        assertThat(login.exitCode()).as(login.stderr()).isZero();
        assertThat(login.stderr()).contains("must be changed");
        Path file = configDir.resolve("token");
        assertThat(login.stdout()).contains("as admin (role admin)").contains(file.toString()).contains("0600")
                .contains("valid until");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(configDir))).isEqualTo("rwx------");
        List<String> stored = Files.readAllLines(file);
        assertThat(stored).containsExactly("backend_url=" + backend.url(), stored.get(1));
        String token = stored.get(1).substring("token=".length());
        assertThat(token).isNotBlank();
        assertThat(login.stdout() + login.stderr()).doesNotContain(token).doesNotContain("the-admins-own-password");
        var list = admin.run("account", "list");
        assertThat(list.exitCode()).as("the stored login's URL is used: " + list.stderr()).isZero();
        assertThat(list.stdout()).contains("admin").contains("enabled");
    }

    @Test
    void theStoredTokenIsNeverSentToAnotherBackend() throws Exception {
        CliRunner user = backend.loggedIn("careful-user", "viewer");
        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = "{\"error\":{\"code\":\"unauthorized\",\"message\":\"who are you\"}}".getBytes();
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        other.start();
        try {
            String url = "http://127.0.0.1:" + other.getAddress().getPort();

            var outcome = user.run("account", "list", "--backend-url", url);

            assertThat(outcome.exitCode()).isEqualTo(ExitCodes.CLI_ERROR);
            assertThat(outcome.stderr()).startsWith("kanade: error[unauthorized]: the backend at " + url
                    + " needs credentials").contains("the stored login is for " + backend.url());
            assertThat(authorizations).containsExactly("null");
        } finally {
            other.stop(0);
        }
    }

    @Test
    void theTokenGoesToXdgConfigHomeWhenNoConfigDirIsSet() throws Exception {
        CliRunner user = backend.loggedIn("xdg-user", "viewer");
        CliRunner xdg = backend.cli().with(CliEnvironment.CONFIG_DIR_VAR, "").with("XDG_CONFIG_HOME", home.toString());

        var login = xdg.stdin("xdg-user-own-password\n").run("login", "-o", "json", "--username", "xdg-user",
                "--password-stdin");

        assertThat(login.exitCode()).as(login.stderr()).isZero();
        JsonNode body = Json.mapper().readTree(login.stdout());
        assertThat(body.get("token_file").asText()).isEqualTo(home.resolve("kanade").resolve("token").toString());
        assertThat(body.get("role").asText()).isEqualTo("viewer");
        assertThat(body.get("backend_url").asText()).isEqualTo(backend.url());
        assertThat(Files.exists(home.resolve("kanade").resolve("token"))).isTrue();
        assertThat(user.run("token", "list").stderr()).startsWith("kanade: error[forbidden]: ");
    }

    @Test
    void aWrongPasswordIsUnauthorizedAndStoresNothing() {
        var login = backend.cli().stdin("not-the-password\n").run("login", "--username", "nobody", "--password-stdin");

        assertThat(login.exitCode()).isEqualTo(ExitCodes.CLI_ERROR);
        assertThat(login.stderr()).startsWith("kanade: error[unauthorized]: ").contains("wrong username or password");
        assertThat(login.stdout()).isEmpty();
    }

    @Test
    void repeatedFailuresLockTheNameAndSayWhenToTryAgain() {
        CliRunner cli = backend.cli();
        for (int i = 0; i < BackendFixture.MAX_FAILED_LOGINS; i++) {
            cli.stdin("wrong-" + i + "\n").run("login", "--username", "locked-user", "--password-stdin");
        }

        var locked = cli.stdin("wrong-again\n").run("login", "--username", "locked-user", "--password-stdin");

        assertThat(locked.exitCode()).isEqualTo(ExitCodes.CLI_ERROR);
        assertThat(locked.stderr()).startsWith("kanade: error[too_many_attempts]: ").contains("try again in");
    }

    @Test
    void logoutDeletesTheTokenAndThenRunSaysToLogIn() {
        CliRunner operator = backend.loggedIn("leaving-operator", "operator");

        var logout = operator.run("logout");
        assertThat(logout.exitCode()).as(logout.stderr()).isZero();
        assertThat(logout.stdout()).startsWith("Logged out: deleted the token ");
        assertThat(operator.run("logout").stdout()).startsWith("Not logged in");

        var run = operator.run("run", "--backend-url", backend.url(), "some-pc", "--", "true");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.CLI_ERROR);
        assertThat(run.stderr()).startsWith("kanade: error[unauthorized]: ").contains("run `kanade login`")
                .contains("KANADE_AUTH_TOKEN");
    }

    @Test
    void aTokenThatStillMustChangeItsPasswordSaysToLogInAgain() throws Exception {
        backend.asService().stdin("a-first-password\n").run("account", "create", "unchanged", "--role", "admin",
                "--password-stdin");
        String session = backend.http().withToken(null).post("/api/auth/login",
                "{\"username\":\"unchanged\",\"password\":\"a-first-password\"}").json().get("token").asText();

        var list = backend.cliWith(session).run("account", "list");

        assertThat(list.exitCode()).isEqualTo(ExitCodes.CLI_ERROR);
        assertThat(list.stderr()).startsWith("kanade: error[password_change_required]: ")
                .contains("run `kanade login` again");
    }

    @Test
    void anUnreachableBackendNamesTheUrlAndTheFlag() {
        String url = "http://127.0.0.1:" + FreePorts.next();

        var outcome = CliRunner.isolated().run("account", "list", "-o", "json", "--backend-url", url);

        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.CLI_ERROR);
        assertThat(outcome.stderr()).startsWith("kanade: error[backend_unreachable]: cannot reach the backend at "
                + url).contains("--backend-url").doesNotContain("Exception");
        assertThat(outcome.stdout()).contains("\"code\":\"backend_unreachable\"");
    }

    @Test
    void jetstreamStillTalksToTheBrokerWithTheAdminCredential() {
        var outcome = CliRunner.on(nats).run("--server", nats.url(), "jetstream", "status");
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        assertThat(outcome.stdout()).contains("RESULTS").doesNotContain("MISSING");
    }
}
