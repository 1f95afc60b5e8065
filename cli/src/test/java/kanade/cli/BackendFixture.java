package kanade.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import kanade.backend.BackendServer;
import kanade.backend.BackendSettings;
import kanade.backend.Http;
import kanade.backend.TestBackends;
import kanade.backend.auth.LoginLockout;
import kanade.backend.store.DbSettings;
import kanade.cli.backend.BackendAccess;
import kanade.runtime.secret.Secret;
import kanade.testkit.NatsServerFixture;
import kanade.testkit.TempDirs;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension: one real backend per test class (SQLite, auth on, the broker's backend role) on the class's
 * {@link NatsServerFixture} (register it after that fixture, with {@code @Order}). Its first admin is {@code admin}
 * with {@link #ADMIN_PASSWORD}, to be changed at first login; 3 failed logins lock a name for a minute.
 */
final class BackendFixture implements BeforeAllCallback, AfterAllCallback {
    static final String ADMIN_PASSWORD = "first-admin-password";
    static final int MAX_FAILED_LOGINS = 3;

    private final NatsServerFixture nats;
    private Path dir;
    private BackendServer backend;

    private BackendFixture(NatsServerFixture nats) {
        this.nats = nats;
    }

    /** A backend on {@code nats}'s broker. */
    static BackendFixture on(NatsServerFixture nats) {
        return new BackendFixture(nats);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = CliRunner.tempDir("kanade-cli-backend-");
        BackendSettings settings = TestBackends.settings(nats, DbSettings.sqlite(dir.resolve("b.db")));
        settings = settings.withAuth(settings.auth().withBootstrapPassword(new Secret(ADMIN_PASSWORD, "test"))
                .withLockout(new LoginLockout.Policy(MAX_FAILED_LOGINS, Duration.ofMinutes(5), Duration.ofMinutes(1),
                        100)));
        backend = BackendServer.start(settings, Clock.systemUTC());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        backend.close();
        TempDirs.deleteQuietly(dir);
    }

    /** The backend's base URL. */
    String url() {
        return "http://127.0.0.1:" + backend.httpPort();
    }

    /** An HTTP client acting with the backend's static service token (an admin). */
    Http http() {
        return Http.asService(backend);
    }

    /** {@code kanade} pointed at this backend by KANADE_BACKEND_URL, without a token. */
    CliRunner cli() {
        return CliRunner.isolated().with(BackendAccess.URL_VAR, url());
    }

    /** {@code kanade} at this backend with {@code token} in KANADE_AUTH_TOKEN. */
    CliRunner cliWith(String token) {
        return cli().with(BackendAccess.TOKEN_VAR, token);
    }

    /** {@code kanade} at this backend as the static service token (an admin). */
    CliRunner asService() {
        return cliWith(backend.settings().auth().staticToken().reveal());
    }

    /**
     * Creates {@code user} with {@code role} through {@code kanade account create}, then logs it in with
     * {@code kanade login} (which sets its own password first) into a fresh config dir; returns a runner that uses
     * that stored login.
     */
    CliRunner loggedIn(String user, String role) {
        String first = user + "-first-password";
        CliRunner.Outcome created = asService().stdin(first + "\n").run("account", "create", user, "--role", role,
                "--password-stdin");
        if (created.exitCode() != 0) {
            throw new AssertionError("account create " + user + ": " + created.stderr());
        }
        CliRunner login = cli().with(CliEnvironment.CONFIG_DIR_VAR, CliRunner.tempDir("kanade-cli-login-").toString());
        CliRunner.Outcome in = login.stdin(first + "\n" + user + "-own-password\n").run("login", "--username", user,
                "--password-stdin");
        if (in.exitCode() != 0) {
            throw new AssertionError("login " + user + ": " + in.stderr());
        }
        return login;
    }
}
