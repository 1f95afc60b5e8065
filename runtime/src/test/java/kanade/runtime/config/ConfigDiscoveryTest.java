package kanade.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigDiscoveryTest {
    @TempDir
    Path dir;

    @Test
    void flagWinsEvenWhenTheFileIsMissing() throws Exception {
        Path system = systemDirWithFile("agent.toml");
        ConfigLocator locator = new ConfigLocator(Map.of("KANADE_AGENT_CONFIG", "/from/env.toml"), system);
        Path flag = dir.resolve("missing.toml");
        assertThat(locator.locate(ProgramName.AGENT, flag)).isEqualTo(flag);
    }

    @Test
    void environmentVariableComesSecond() throws Exception {
        Path system = systemDirWithFile("backend.toml");
        ConfigLocator locator = new ConfigLocator(Map.of("KANADE_BACKEND_CONFIG", "/from/env.toml"), system);
        assertThat(locator.locate(ProgramName.BACKEND, null)).isEqualTo(Path.of("/from/env.toml"));
    }

    @Test
    void emptyEnvironmentVariableIsIgnored() throws Exception {
        Path system = systemDirWithFile("agent.toml");
        ConfigLocator locator = new ConfigLocator(Map.of("KANADE_AGENT_CONFIG", ""), system);
        assertThat(locator.locate(ProgramName.AGENT, null)).isEqualTo(system.resolve("agent.toml"));
    }

    @Test
    void systemConfigDirComesLast() throws Exception {
        Path system = systemDirWithFile("agent.toml");
        ConfigLocator locator = new ConfigLocator(Map.of(), system);
        assertThat(locator.locate(ProgramName.AGENT, null)).isEqualTo(system.resolve("agent.toml"));
    }

    @Test
    void noSourceListsAllThreeFixes() {
        ConfigLocator locator = new ConfigLocator(Map.of(), dir.resolve("etc-kanade"));
        assertThatThrownBy(() -> locator.locate(ProgramName.AGENT, null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--config")
                .hasMessageContaining("KANADE_AGENT_CONFIG")
                .hasMessageContaining(dir.resolve("etc-kanade").resolve("agent.toml").toString());
    }

    @Test
    void currentDirectoryIsNeverSearched() throws Exception {
        Files.writeString(Path.of("agent.toml").toAbsolutePath().getParent().resolve("unused-marker"), "");
        ConfigLocator locator = new ConfigLocator(Map.of(), dir.resolve("none"));
        assertThatThrownBy(() -> locator.locate(ProgramName.AGENT, null)).isInstanceOf(ConfigException.class);
        Files.deleteIfExists(Path.of("unused-marker"));
    }

    @Test
    void platformDirsFollowKanade() {
        assertThat(ConfigLocator.systemConfigDir(Map.of(), OsFamily.LINUX)).isEqualTo(Path.of("/etc/kanade"));
        assertThat(ConfigLocator.systemConfigDir(Map.of("ProgramData", "D:\\PD"), OsFamily.WINDOWS).toString())
                .contains("Kanade").endsWith("config");
    }

    private Path systemDirWithFile(String name) throws Exception {
        Path system = Files.createDirectories(dir.resolve("etc-kanade"));
        Files.writeString(system.resolve(name), "");
        return system;
    }
}
