package kanade.runtime.config;

import kanade.protocol.time.HumanDuration;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import kanade.protocol.wire.Json;

/**
 * Reads a TOML config file into an immutable record: render the template, parse, validate. Unknown keys are
 * reported as warnings (never fatal, so old files keep loading); every error names the file, line and key.
 */
public final class ConfigReader {
    private final ConfigTemplate template;
    private final ObjectMapper toml;

    public ConfigReader(ConfigTemplate template) {
        this.template = template;
        SimpleModule durations = new SimpleModule("kanade-durations")
                .addDeserializer(Duration.class, new HumanDurationDeserializer())
                .addDeserializer(Path.class, new PlainPathDeserializer());
        this.toml = Json.configure(TomlMapper.builder()).addModule(durations).build();
    }

    /** The outcome of reading a file: the record plus warnings (unknown or deprecated keys) to log. */
    public record Result<T>(T config, Path source, List<String> warnings) {
    }

    /** Reads {@code file} into {@code type}. */
    public <T> Result<T> read(Path file, Class<T> type) {
        String source;
        try {
            source = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file, -1, null, "file not found; check the path (create it from dist/configs/)", e);
        } catch (IOException e) {
            throw new ConfigException(file, -1, null, "cannot read: " + e.getMessage(), e);
        }
        String rendered = template.render(file, source);
        List<String> warnings = new ArrayList<>();
        try {
            T value = toml.readerFor(type).withHandler(new UnknownKeyCollector(warnings)).readValue(rendered);
            if (value == null) {
                throw new ConfigException(file, -1, null, "file is empty", null);
            }
            return new Result<>(value, file, List.copyOf(warnings));
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String field = path(e);
            throw new ConfigException(file, TomlKeyLines.find(rendered, field), field, cause.getMessage(), e);
        } catch (JsonMappingException e) {
            String field = path(e);
            throw new ConfigException(file, TomlKeyLines.find(rendered, field), field, e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(file, line(e.getLocation()), null, "not valid TOML: " + e.getOriginalMessage(), e);
        }
    }

    private static int line(JsonLocation location) {
        return location == null ? -1 : location.getLineNr();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    /** Turns unknown keys into warnings instead of errors. */
    private static final class UnknownKeyCollector extends DeserializationProblemHandler {
        private final List<String> warnings;

        UnknownKeyCollector(List<String> warnings) {
            this.warnings = warnings;
        }

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                             Object beanOrClass, String propertyName) throws IOException {
            String parent = ctxt.getParser().getParsingContext().getParent() == null ? ""
                    : ctxt.getParser().getParsingContext().getParent().getCurrentName();
            String key = parent == null || parent.isEmpty() ? propertyName : parent + "." + propertyName;
            warnings.add("line " + p.currentLocation().getLineNr() + ": unknown key '" + key + "' ignored");
            p.skipChildren();
            return true;
        }
    }

    /** Reads paths as plain strings, so {@code C:/ProgramData} is a path and not a URI scheme. */
    private static final class PlainPathDeserializer extends JsonDeserializer<Path> {
        @Override
        public Path deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return Path.of(p.getValueAsString());
        }
    }

    /** Reads durations as humantime strings ({@code "30s"}) or as whole seconds. */
    private static final class HumanDurationDeserializer extends JsonDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken().isNumeric()) {
                return Duration.ofSeconds(p.getLongValue());
            }
            String text = p.getValueAsString();
            try {
                return HumanDuration.parse(text);
            } catch (IllegalArgumentException e) {
                throw JsonMappingException.from(p, e.getMessage(), e);
            }
        }
    }
}
