package kanade.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import kanade.protocol.wire.Json;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * The fault suite ({@code kanade-sim fault <name>}) at small numbers, through the same code as the full runs: against
 * real nats-server, backend and agent processes, nothing is lost and nothing is doubled. The seconds the faults print
 * are not asserted (the command's exit code includes them); every step waits on a condition.
 */
class FaultSuiteTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} with {1} agents")
    @CsvSource({"backend-kill, 40", "broker-restart, 40", "agent-crash, 2", "agent-offline, 40", "poison, 30",
            "reconnect-storm, 50"})
    void nothingLostNothingDoubled(String fault, int agents) throws Exception {
        Path json = dir.resolve(fault + ".json");
        new CommandLine(new SimMain()).execute("fault", fault, "--agents", Integer.toString(agents), "--offline", "3s",
                "--timeout", "120s", "--json", json.toString());
        JsonNode report = Json.mapper().readTree(json.toFile());
        JsonNode row = report.get("rows").get(0);
        String notes = report.get("notes").toString();
        assertThat(row.get("fault").asText()).isEqualTo(fault);
        assertThat(row.get("expected").asLong()).as(notes).isPositive();
        assertThat(row.get("lost").isNumber() && row.get("lost").asLong() == 0).as("lost: " + row + " " + notes)
                .isTrue();
        assertThat(row.get("duplicated").isNumber() && row.get("duplicated").asLong() == 0)
                .as("duplicated: " + row + " " + notes).isTrue();
        assertThat(row.get("stored").asLong()).as(notes).isEqualTo(row.get("expected").asLong());
    }
}
