package kanade.backend.api;

import com.fasterxml.classmate.ResolvedType;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaBuilder;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import java.util.stream.Collectors;
import kanade.protocol.wire.Json;

/**
 * JSON Schemas (draft 2020-12, as OpenAPI 3.1 uses) of the records the API reads and writes, generated with victools
 * from the same classes and named as the wire names them (the shared mapper's snake_case, {@code @JsonProperty},
 * {@code @JsonUnwrapped}). Ask for references first, then collect the definitions once.
 */
final class SchemaCatalog {
    /** Where the definitions go, and what every reference points into. */
    static final String COMPONENTS = "components/schemas";

    private final ObjectMapper wire = Json.mapper();
    private final SchemaBuilder builder;

    SchemaCatalog() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(Json.builder().build(),
                SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.RESPECT_JSONPROPERTY_REQUIRED,
                        JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE))
                .with(Option.DEFINITIONS_FOR_ALL_OBJECTS, Option.EXTRA_OPEN_API_FORMAT_VALUES,
                        Option.ADDITIONAL_FIXED_TYPES)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        config.forFields().withPropertyNameOverrideResolver(this::wireName);
        config.forTypesInGeneral()
                .withCustomDefinitionProvider((type, context) -> JsonNode.class.isAssignableFrom(type.getErasedType())
                        ? new CustomDefinition(context.getGeneratorConfig().createObjectNode()
                        .put("description", "any JSON value"), true) : null)
                .withDefinitionNamingStrategy((key, context) -> name(key.getType()));
        builder = new SchemaGenerator(config.build()).buildMultipleSchemaDefinitions();
    }

    /** A schema for {@code type}: a reference into {@link #COMPONENTS} (resolved by {@link #definitions()}). */
    ObjectNode reference(Class<?> type) {
        if (JsonNode.class.isAssignableFrom(type)) {
            return wire.createObjectNode().put("type", "object");
        }
        return builder.createSchemaReference(type);
    }

    /** Every definition referenced so far, keyed by name; fixes the references handed out. Call once, last. */
    ObjectNode definitions() {
        return builder.collectDefinitions(COMPONENTS);
    }

    /** The JSON name of {@code field} as the shared mapper writes it, when it differs from the Java name. */
    private String wireName(FieldScope field) {
        Class<?> owner = field.getDeclaringType().getErasedType();
        BeanDescription bean = wire.getSerializationConfig().introspect(wire.constructType(owner));
        for (BeanPropertyDefinition property : bean.findProperties()) {
            if (property.getInternalName().equals(field.getDeclaredName())) {
                return property.getName().equals(field.getDeclaredName()) ? null : property.getName();
            }
        }
        return null;
    }

    /** {@code FleetHealth.Report} becomes {@code FleetHealthReport}; type arguments are appended. */
    private static String name(ResolvedType type) {
        String binary = type.getErasedType().getName();
        String simple = binary.substring(binary.lastIndexOf('.') + 1).replace("$", "");
        if (type.getTypeParameters().isEmpty()) {
            return simple;
        }
        return simple + type.getTypeParameters().stream().map(SchemaCatalog::name).collect(Collectors.joining());
    }
}
