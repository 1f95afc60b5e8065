package kanade.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WireRoundTripTest {

    @ParameterizedTest
    @CsvSource({"command.json, kanade.protocol.wire.Command",
            "exec_result.json, kanade.protocol.wire.ExecResult",
            "heartbeat.json, kanade.protocol.wire.Heartbeat",
            "hw_inventory.json, kanade.protocol.wire.HwInventory"})
    void fixtureSurvivesDecodeAndEncodeUnchanged(String fixture, Class<?> type) throws IOException {
        byte[] json = fixture(fixture);
        Object decoded = Json.decode(json, type);
        JsonNode original = Json.mapper().readTree(json);
        JsonNode reencoded = Json.mapper().readTree(Json.encode(decoded));
        assertThat(normalizeTimes(reencoded)).isEqualTo(normalizeTimes(original));
    }

    @Test
    void commandFieldsMapToContractNames() throws IOException {
        Command command = Json.decode(fixture("command.json"), Command.class);
        assertThat(command.requestId()).isEqualTo("5f0c2d7e-6a43-4b7a-9d61-2f0b9c1e8a10");
        assertThat(command.jobId()).isEqualTo("b7d4a5c2-1e0f-4f7e-8a2b-3c4d5e6f7a8b");
        assertThat(command.timeoutSecs()).isEqualTo(600);
        assertThat(command.deadlineAt()).isEqualTo(Instant.parse("2026-11-23T07:00:00Z"));
    }

    @Test
    void execIdIsAcceptedAsAliasOfJobId() {
        Command command = Json.decode("""
                {"id":"a","version":"1","request_id":"r","exec_id":"e1","script":"x","timeout_secs":5}""", Command.class);
        assertThat(command.jobId()).isEqualTo("e1");
    }

    @Test
    void unknownFieldsAreTolerated() {
        Heartbeat heartbeat = Json.decode("""
                {"pc_id":"pc1","at":"2026-11-23T06:59:00Z","agent_version":"9.9.9","agent_cpu_pct":3.5,
                 "quarantined_versions":["1.0"],"brand_new":{"x":1}}""", Heartbeat.class);
        assertThat(heartbeat.pcId()).isEqualTo("pc1");
    }

    @Test
    void missingRequiredFieldIsNamed() {
        assertThatThrownBy(() -> Json.decode("""
                {"result_id":"x","pc_id":"pc1","exit_code":0,"started_at":"2026-11-23T06:59:00Z",
                 "finished_at":"2026-11-23T06:59:00Z"}""", ExecResult.class))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("request_id");
    }

    @Test
    void wrongTypeNamesTheField() {
        assertThatThrownBy(() -> Json.decode("""
                {"id":"a","version":"1","request_id":"r","script":"x","timeout_secs":"soon"}""", Command.class))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("timeout_secs");
    }

    @Test
    void falseFlagsAndNullOptionalsAreOmitted() throws IOException {
        ExecResult result = new ExecResult("r1", "q1", "pc1", null, 0, "out", "", false, false, false,
                Instant.parse("2026-11-23T06:59:00Z"), Instant.parse("2026-11-23T06:59:01Z"), null);
        JsonNode json = Json.mapper().readTree(Json.encode(result));
        assertThat(json.has("skipped")).isFalse();
        assertThat(json.has("stdout_truncated")).isFalse();
        assertThat(json.has("job_id")).isFalse();
        assertThat(json.get("started_at").asText()).isEqualTo("2026-11-23T06:59:00Z");
    }

    @Test
    void garbageIsAWireFormatError() {
        assertThatThrownBy(() -> Json.decode("not json", Heartbeat.class)).isInstanceOf(WireFormatException.class);
    }

    private static JsonNode normalizeTimes(JsonNode node) {
        if (node.isObject()) {
            var object = (com.fasterxml.jackson.databind.node.ObjectNode) node.deepCopy();
            object.fieldNames().forEachRemaining(name -> {
                JsonNode child = object.get(name);
                if (child.isTextual() && (name.endsWith("_at") || name.equals("at"))) {
                    object.put(name, Instant.parse(child.asText()).toString());
                } else {
                    object.set(name, normalizeTimes(child));
                }
            });
            return object;
        }
        if (node.isArray()) {
            var array = Json.mapper().createArrayNode();
            node.forEach(child -> array.add(normalizeTimes(child)));
            return array;
        }
        return node;
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = WireRoundTripTest.class.getResourceAsStream("/wire/" + name)) {
            return in.readAllBytes();
        }
    }
}
