package kanade.runtime.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import kanade.runtime.config.ConfigReader;
import kanade.protocol.time.HumanDuration;
import kanade.runtime.secret.SecretName;
import kanade.runtime.secret.SecretSource;
import kanade.protocol.wire.Json;

/** Prints a resolved config as TOML for {@code check-config}, with secrets shown only as {@code <masked>} and their origin. */
public final class CheckConfigPrinter {
    private final ObjectMapper mapper;

    public CheckConfigPrinter() {
        SimpleModule plain = new SimpleModule("kanade-check-config")
                .addSerializer(Duration.class, new JsonSerializer<>() {
                    @Override
                    public void serialize(Duration value, JsonGenerator gen, SerializerProvider p) throws IOException {
                        gen.writeString(HumanDuration.format(value));
                    }
                })
                .addSerializer(Path.class, new JsonSerializer<>() {
                    @Override
                    public void serialize(Path value, JsonGenerator gen, SerializerProvider p) throws IOException {
                        gen.writeString(value.toString());
                    }
                });
        this.mapper = Json.configure(JsonMapper.builder()).addModule(plain).build();
    }

    /** Prints {@code loaded} followed by the secrets it would use. */
    public void print(String program, ConfigReader.Result<?> loaded, List<SecretName> secrets, SecretSource source,
                      PrintWriter out) {
        out.println("# " + program + " config from " + loaded.source().toAbsolutePath());
        for (String warning : loaded.warnings()) {
            out.println("# warning: " + warning);
        }
        JsonNode tree = mapper.valueToTree(loaded.config());
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> section = it.next();
            if (!section.getValue().isObject()) {
                continue;
            }
            out.println();
            out.println("[" + section.getKey() + "]");
            section.getValue().fields().forEachRemaining(e -> out.println(e.getKey() + " = " + e.getValue()));
        }
        out.println();
        out.println("[secrets]  # resolved registry-first on Windows, then the environment; never stored in the file");
        for (SecretName name : secrets) {
            String shown = source.lookup(name).map(s -> "\"<masked>\"  # from " + s.origin())
                    .orElse("\"\"  # not set (" + name.envVar() + ")");
            out.println(name.name().toLowerCase(java.util.Locale.ROOT) + " = " + shown);
        }
        out.flush();
    }
}
