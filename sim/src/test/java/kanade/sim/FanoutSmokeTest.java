package kanade.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import kanade.protocol.wire.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The fanout bench at N = 200: correctness only (every result durable, none twice), no timing assertions. */
class FanoutSmokeTest {
    @TempDir
    Path dir;

    @Test
    void fanoutToTwoHundredAgentsStoresEveryResultExactlyOnce() throws Exception {
        Path json = dir.resolve("fanout.json");
        int exit = new CommandLine(new SimMain()).execute("bench", "fanout", "--agents", "200", "--rounds", "1",
                "--json", json.toString());
        assertThat(exit).as("bench exits 0 only when nothing was lost or duplicated").isZero();
        JsonNode report = Json.mapper().readTree(json.toFile());
        JsonNode kanade = report.get("rows").get(2);
        assertThat(kanade.get("pipeline").asText()).startsWith("kanade");
        assertThat(kanade.get("done").asLong()).isEqualTo(200);
    }
}
