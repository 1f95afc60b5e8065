package kanade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import kanade.runtime.config.OsFamily;
import org.junit.jupiter.api.Test;

/** Where the CLI keeps its login token. */
class CliEnvironmentTest {
    @Test
    void configDirIsKanadeConfigDirThenXdgThenHome() {
        assertThat(linux(Map.of("KANADE_CONFIG_DIR", "/k", "XDG_CONFIG_HOME", "/x", "HOME", "/h")).configDir())
                .isEqualTo(Path.of("/k"));
        assertThat(linux(Map.of("XDG_CONFIG_HOME", "/x", "HOME", "/h")).configDir()).isEqualTo(Path.of("/x/kanade"));
        assertThat(linux(Map.of("XDG_CONFIG_HOME", "relative", "HOME", "/h")).configDir())
                .isEqualTo(Path.of("/h/.config/kanade"));
        assertThat(linux(Map.of("HOME", "/h")).configDir()).isEqualTo(Path.of("/h/.config/kanade"));
    }

    @Test
    void configDirOnWindowsIsUnderAppData() {
        var windows = new CliEnvironment(Map.of("APPDATA", "/appdata"), OsFamily.WINDOWS, Clock.systemUTC());
        assertThat(windows.configDir()).isEqualTo(Path.of("/appdata", "Kanade"));
    }

    private static CliEnvironment linux(Map<String, String> env) {
        return new CliEnvironment(env, OsFamily.LINUX, Clock.systemUTC());
    }
}
