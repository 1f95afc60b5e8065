package kanade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import kanade.protocol.wire.Json;
import kanade.testkit.NatsServerFixture;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** kanade account and kanade token against a real backend with auth on. */
class CliAccountTest {
    @RegisterExtension
    @Order(1)
    static final NatsServerFixture nats = NatsServerFixture.withJetStream();
    @RegisterExtension
    @Order(2)
    static final BackendFixture backend = BackendFixture.on(nats);

    @Test
    void anAdminCreatesChangesDisablesAndEnablesAnAccount() throws Exception {
        CliRunner admin = backend.asService();

        var created = admin.stdin("carols-first-password\n").run("account", "create", "carol", "--role", "viewer",
                "--password-stdin");
        assertThat(created.exitCode()).as(created.stderr()).isZero();
        assertThat(created.stdout()).isEqualTo("account created carol: role viewer, enabled, must change password\n");

        var promoted = admin.run("account", "set-role", "carol", "operator", "-o", "json");
        assertThat(promoted.exitCode()).as(promoted.stderr()).isZero();
        JsonNode account = Json.mapper().readTree(promoted.stdout());
        assertThat(account.get("role").asText()).isEqualTo("operator");
        assertThat(account.has("password_hash")).isFalse();

        assertThat(admin.run("account", "disable", "carol").stdout()).contains("disabled");
        var refused = backend.cli().stdin("carols-first-password\n").run("login", "-u", "carol", "--password-stdin");
        assertThat(refused.stderr()).startsWith("kanade: error[unauthorized]: ");
        assertThat(admin.run("account", "enable", "carol").stdout()).contains("enabled");

        var reset = admin.stdin("carols-reset-password\n").run("account", "reset-password", "carol",
                "--password-stdin");
        assertThat(reset.exitCode()).as(reset.stderr()).isZero();
        assertThat(reset.stdout()).contains("must change password");
        var login = backend.cli().with(CliEnvironment.CONFIG_DIR_VAR, CliRunner.tempDir("carol-").toString())
                .stdin("carols-reset-password\ncarols-own-password\n").run("login", "-u", "carol", "--password-stdin");
        assertThat(login.exitCode()).as(login.stderr()).isZero();
        assertThat(login.stdout()).contains("role operator");

        var list = admin.run("account", "list", "-o", "json");
        assertThat(list.exitCode()).as(list.stderr()).isZero();
        assertThat(Json.mapper().readTree(list.stdout()).findValuesAsText("username")).contains("admin", "carol");
        assertThat(admin.run("account", "list").stdout()).startsWith("USERNAME").contains("carol");
    }

    @Test
    void accountErrorsKeepTheApisMeaning() {
        CliRunner admin = backend.asService();
        admin.stdin("a-long-enough-password\n").run("account", "create", "taken", "--role", "viewer",
                "--password-stdin");

        var again = admin.stdin("a-long-enough-password\n").run("account", "create", "taken", "--role", "viewer",
                "--password-stdin");
        assertThat(again.stderr()).startsWith("kanade: error[conflict]: ");
        assertThat(admin.run("account", "disable", "nobody-here").stderr()).startsWith("kanade: error[not_found]: ");
        var tooShort = admin.stdin("short\n").run("account", "create", "shorty", "--role", "viewer",
                "--password-stdin");
        assertThat(tooShort.stderr()).startsWith("kanade: error[refused]: ").contains("invalid_parameter");
        assertThat(admin.run("account", "create", "x", "--role", "king").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void onlyAnAdminManagesAccounts() throws Exception {
        CliRunner viewer = backend.loggedIn("only-a-viewer", "viewer");

        var outcome = viewer.run("account", "list", "-o", "json");

        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.CLI_ERROR);
        assertThat(outcome.stderr()).startsWith("kanade: error[forbidden]: ").contains("admin").contains("viewer");
        assertThat(Json.mapper().readTree(outcome.stdout()).at("/error/code").asText()).isEqualTo("forbidden");
    }

    @Test
    void aNamedTokenIsShownOnceListedWithoutItsSecretAndRevocable() throws Exception {
        CliRunner admin = backend.asService();
        admin.stdin("an-admins-password\n").run("account", "create", "robot", "--role", "admin", "--password-stdin");

        var created = admin.run("token", "create", "ci-robot", "--username", "robot", "--expires", "90d");
        assertThat(created.exitCode()).as(created.stderr()).isZero();
        String token = created.stdout().strip();
        assertThat(token).startsWith("kanade_").doesNotContain("\n");
        assertThat(created.stderr()).contains("ci-robot").contains("robot").contains("not shown again");

        var list = admin.run("token", "list", "--username", "robot", "-o", "json");
        assertThat(list.exitCode()).as(list.stderr()).isZero();
        JsonNode tokens = Json.mapper().readTree(list.stdout());
        assertThat(tokens.findValuesAsText("name")).containsExactly("ci-robot");
        assertThat(list.stdout()).doesNotContain(token);
        assertThat(tokens.get(0).get("expires_at").asText()).isNotBlank();

        CliRunner robot = backend.cliWith(token);
        assertThat(robot.run("account", "list").exitCode()).isZero();
        assertThat(admin.run("token", "list").stdout()).contains("ci-robot").doesNotContain(token);

        var revoked = admin.run("token", "revoke", "ci-robot");
        assertThat(revoked.exitCode()).as(revoked.stderr()).isZero();
        var after = robot.run("account", "list");
        assertThat(after.exitCode()).isEqualTo(ExitCodes.CLI_ERROR);
        assertThat(after.stderr()).startsWith("kanade: error[unauthorized]: ").contains("KANADE_AUTH_TOKEN")
                .contains("run `kanade login`").doesNotContain(token);
        assertThat(admin.run("token", "revoke", "ci-robot").stderr()).startsWith("kanade: error[not_found]: ");
    }

    @Test
    void tokenCreateAsJsonCarriesTheTokenOnce() throws Exception {
        CliRunner admin = backend.asService();
        admin.stdin("another-admins-password\n").run("account", "create", "robot2", "--role", "operator",
                "--password-stdin");

        var created = admin.run("token", "create", "-o", "json", "deploy", "-u", "robot2");

        assertThat(created.exitCode()).as(created.stderr()).isZero();
        JsonNode body = Json.mapper().readTree(created.stdout());
        assertThat(body.get("name").asText()).isEqualTo("deploy");
        assertThat(body.get("username").asText()).isEqualTo("robot2");
        assertThat(body.get("token").asText()).startsWith("kanade_");
    }
}
