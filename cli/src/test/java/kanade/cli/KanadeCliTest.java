package kanade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How main() picks the one subcommand it needs to build. */
class KanadeCliTest {
    @Test
    void aNamedCommandIsBuiltAlone() {
        assertThat(KanadeCli.commandNamed(new String[] {"ping", "pc-1"})).isEqualTo("ping");
        assertThat(KanadeCli.commandNamed(new String[] {"--server", "nats://h:4222", "run", "pc", "--", "ls"}))
                .isEqualTo("run");
        assertThat(KanadeCli.commandNamed(new String[] {"-s", "nats://h:4222", "jetstream", "status"}))
                .isEqualTo("jetstream");
        assertThat(KanadeCli.commandNamed(new String[] {"--backend-url", "http://h:8080", "login"})).isEqualTo("login");
        assertThat(KanadeCli.commandNamed(new String[] {"-b", "http://h:8080", "account", "list"}))
                .isEqualTo("account");
    }

    @Test
    void helpCompletionAndUnknownNamesBuildEveryCommand() {
        assertThat(KanadeCli.commandNamed(new String[] {})).isNull();
        assertThat(KanadeCli.commandNamed(new String[] {"--help"})).isNull();
        assertThat(KanadeCli.commandNamed(new String[] {"help", "run"})).isNull();
        assertThat(KanadeCli.commandNamed(new String[] {"completion", "bash"})).isNull();
        assertThat(KanadeCli.commandNamed(new String[] {"pnig", "pc"})).isNull();
    }

    @Test
    void theOneCommandLineHoldsOnlyTheNamedCommand() {
        var line = KanadeCli.commandLine(CliEnvironment.system(), "ping");
        assertThat(line.getSubcommands()).containsOnlyKeys("ping");
        assertThat(KanadeCli.commandLine(CliEnvironment.system()).getSubcommands())
                .containsKeys("run", "ping", "kill", "login", "logout", "account", "token", "jetstream", "completion",
                        "help");
    }
}
