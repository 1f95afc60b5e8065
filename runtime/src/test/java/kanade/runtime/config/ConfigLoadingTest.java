package kanade.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoadingTest {
    private static final SystemFacts LINUX = new SystemFacts("pc-linux", OsFamily.LINUX, "amd64", "root");
    private static final SystemFacts WINDOWS = new SystemFacts("PC-WIN", OsFamily.WINDOWS, "amd64", "SYSTEM");

    @TempDir
    Path dir;

    @Test
    void seedAgentSampleLoadsWithHostAsId() throws Exception {
        var result = loader(LINUX, Map.of()).loadAgent(copyResource("seed-agent.toml"));
        assertThat(result.config().pcId()).isEqualTo("pc-linux");
        assertThat(result.config().agent().natsUrl()).isEqualTo("nats://127.0.0.1:4222");
        assertThat(result.config().log().path()).isEqualTo(Path.of("logs/agent.log"));
        assertThat(result.config().agent().heartbeatInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void seedBackendSampleLoads() throws Exception {
        var result = loader(LINUX, Map.of()).loadBackend(copyResource("seed-backend.toml"));
        assertThat(result.config().server().port()).isEqualTo(8080);
        assertThat(result.config().server().host()).isEqualTo("0.0.0.0");
        assertThat(result.config().db().sqlitePath()).isEqualTo(Path.of("./backend.db"));
        assertThat(result.config().db().usesPostgres()).isFalse();
    }

    @Test
    void deprecatedFieldsAreLoggedAndIgnored() throws Exception {
        var result = loader(LINUX, Map.of()).loadAgent(copyResource("legacy-agent.toml"));
        assertThat(result.config().pcId()).isEqualTo("PC-OLD");
        assertThat(result.warnings()).anyMatch(w -> w.contains("[agent] groups"))
                .anyMatch(w -> w.contains("[inventory]"));
    }

    @Test
    void envFunctionUsesTheVariableOrItsDefault() throws Exception {
        Path file = write("""
                [agent]
                nats_url = '{{ env(name="KANADE_TEST_URL", default="nats://fallback:4222") }}'
                id = '{{ env(name="KANADE_TEST_ID", default="dflt") }}'
                """);
        var withEnv = loader(LINUX, Map.of("KANADE_TEST_URL", "nats://broker:4222")).loadAgent(file);
        assertThat(withEnv.config().agent().natsUrl()).isEqualTo("nats://broker:4222");
        assertThat(withEnv.config().pcId()).isEqualTo("dflt");
    }

    @Test
    void envWithoutDefaultFailsWhenUnset() throws Exception {
        Path file = write("""
                [agent]
                nats_url = '{{ env(name="KANADE_NOT_SET") }}'
                """);
        assertThatThrownBy(() -> loader(LINUX, Map.of()).loadAgent(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("KANADE_NOT_SET")
                .hasMessageContaining(file.toString());
    }

    @Test
    void isWindowsSelectsTheBranch() throws Exception {
        Path file = write("""
                [agent]
                {% if is_windows() %}
                data_dir = 'C:/ProgramData/Kanade/data'
                {% else %}
                data_dir = '/var/lib/kanade-test'
                {% endif %}
                """);
        assertThat(loader(WINDOWS, Map.of()).loadAgent(file).config().agent().dataDir())
                .isEqualTo(Path.of("C:/ProgramData/Kanade/data"));
        assertThat(loader(LINUX, Map.of()).loadAgent(file).config().agent().dataDir())
                .isEqualTo(Path.of("/var/lib/kanade-test"));
    }

    @Test
    void systemVariablesAreAvailable() throws Exception {
        Path file = write("""
                [log]
                path = 'logs/{{ system.os }}-{{ system.arch }}-{{ system.host }}.log'
                """);
        assertThat(loader(LINUX, Map.of()).loadAgent(file).config().log().path())
                .isEqualTo(Path.of("logs/linux-amd64-pc-linux.log"));
    }

    @Test
    void badValueNamesFileLineAndField() throws Exception {
        Path file = write("""
                [agent]
                id = 'pc1'

                heartbeat_interval = 'soon'
                """);
        assertThatThrownBy(() -> loader(LINUX, Map.of()).loadAgent(file))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> {
                    ConfigException ce = (ConfigException) e;
                    assertThat(ce.file()).isEqualTo(file);
                    assertThat(ce.line()).isEqualTo(4);
                    assertThat(ce.field()).isEqualTo("agent.heartbeat_interval");
                })
                .hasMessageContaining("30s");
    }

    @Test
    void brokenTomlNamesTheLine() throws Exception {
        Path file = write("""
                [agent]
                id = 'pc1'
                nats_url = 'unterminated
                """);
        assertThatThrownBy(() -> loader(LINUX, Map.of()).loadAgent(file))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).line()).isEqualTo(3));
    }

    @Test
    void invariantViolationNamesTheField() throws Exception {
        Path file = write("""
                [server]
                bind = 'no-port-here'
                """);
        assertThatThrownBy(() -> loader(LINUX, Map.of()).loadBackend(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("server")
                .hasMessageContaining("host:port");
    }

    @Test
    void unknownKeysBecomeWarnings() throws Exception {
        Path file = write("""
                [agent]
                id = 'pc1'
                colour = 'blue'
                """);
        var result = loader(LINUX, Map.of()).loadAgent(file);
        assertThat(result.warnings()).anyMatch(w -> w.contains("colour"));
    }

    @Test
    void missingFileSaysSo() {
        Path file = dir.resolve("nope.toml");
        assertThatThrownBy(() -> loader(LINUX, Map.of()).loadAgent(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not found");
    }

    private ConfigLoader loader(SystemFacts facts, Map<String, String> env) {
        return new ConfigLoader(new ConfigLocator(env, dir.resolve("etc")), facts, env);
    }

    private Path write(String text) throws Exception {
        Path file = Files.createTempFile(dir, "cfg", ".toml");
        Files.writeString(file, text);
        return file;
    }

    private Path copyResource(String name) throws Exception {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/config/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }
}
