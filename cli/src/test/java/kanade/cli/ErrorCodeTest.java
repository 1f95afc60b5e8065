package kanade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's exit-code paragraph names every stable error code the CLI prints. */
class ErrorCodeTest {
    @Test
    void everyCodeIsInTheReadme() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(readme).as(code.name()).contains("`" + code.code() + "`");
        }
    }
}
