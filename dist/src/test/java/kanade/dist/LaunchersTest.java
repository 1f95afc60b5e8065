package kanade.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import kanade.protocol.KanadeVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LaunchersTest {

    @ParameterizedTest
    @ValueSource(strings = {"kanade", "kanade-agent", "kanade-backend", "kanade-sim"})
    void everyLauncherAnswersVersionWithJava17FirstOnPath(String launcher) throws Exception {
        RepoScripts.Run run = RepoScripts.run(launcher, Map.of(), "--version");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains(launcher + " " + KanadeVersion.current());
        assertThat(run.stderr()).doesNotContain("WARNING");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kanade", "kanade-agent", "kanade-backend", "kanade-sim"})
    void everyLauncherAnswersHelp(String launcher) throws Exception {
        RepoScripts.Run run = RepoScripts.run(launcher, Map.of(), "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("Usage: " + launcher);
    }

    @Test
    void devScriptAnswersHelpAndVersion() throws Exception {
        assertThat(RepoScripts.run("kanade-dev", Map.of(), "--help").stdout()).contains("kanade-dev <command>");
        assertThat(RepoScripts.run("kanade-dev", Map.of(), "--version").stdout()).contains(KanadeVersion.current());
    }

    @Test
    void shippedSampleConfigsPassCheckConfig() throws Exception {
        String configs = RepoScripts.root().resolve("dist/configs").toString();
        RepoScripts.Run agent = RepoScripts.run("kanade-agent", Map.of("KANADE_NATS_TOKEN", "s3cret-token"),
                "check-config", "--config", configs + "/agent.toml");
        assertThat(agent.exitCode()).as(agent.stderr()).isZero();
        assertThat(agent.stdout()).contains("[agent]").contains("<masked>").doesNotContain("s3cret-token");
        RepoScripts.Run backend = RepoScripts.run("kanade-backend", Map.of(), "check-config", "--config",
                configs + "/backend.toml");
        assertThat(backend.exitCode()).as(backend.stderr()).isZero();
        assertThat(backend.stdout()).contains("bind = \"127.0.0.1:8080\"");
    }

    @Test
    void missingConfigListsTheThreeFixes() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(
                java.nio.file.Files.exists(java.nio.file.Path.of("/etc/kanade/backend.toml")), "machine has /etc/kanade");
        RepoScripts.Run run = RepoScripts.run("kanade-backend", Map.of("KANADE_BACKEND_CONFIG", ""), "check-config");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("--config").contains("KANADE_BACKEND_CONFIG").contains("/etc/kanade/backend.toml");
    }
}
