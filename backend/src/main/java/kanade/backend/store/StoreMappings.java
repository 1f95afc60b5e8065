package kanade.backend.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Types;
import java.time.Instant;
import java.util.Base64;
import kanade.protocol.wire.Json;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.spi.JdbiPlugin;

/**
 * Kanade's column conventions for Jdbi, the same on SQLite and PostgreSQL: times are epoch-ms bigint, JSON is text,
 * raw bytes are base64 text; and the stored records map from their rows by constructor.
 */
final class StoreMappings implements JdbiPlugin {

    @Override
    public void customizeJdbi(Jdbi jdbi) {
        jdbi.registerArgument(new AbstractArgumentFactory<Instant>(Types.BIGINT) {
            @Override
            protected Argument build(Instant value, ConfigRegistry config) {
                return (position, statement, ctx) -> statement.setLong(position, value.toEpochMilli());
            }
        });
        jdbi.registerColumnMapper(Instant.class, (rs, column, ctx) -> {
            long millis = rs.getLong(column);
            return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
        });
        jdbi.registerArgument(new AbstractArgumentFactory<JsonNode>(Types.VARCHAR) {
            @Override
            protected Argument build(JsonNode value, ConfigRegistry config) {
                return (position, statement, ctx) -> statement.setString(position, value.toString());
            }
        });
        jdbi.registerColumnMapper(JsonNode.class, (rs, column, ctx) -> json(rs.getString(column)));
        jdbi.registerArgument(new AbstractArgumentFactory<byte[]>(Types.VARCHAR) {
            @Override
            protected Argument build(byte[] value, ConfigRegistry config) {
                return (position, statement, ctx) -> statement.setString(position, Base64.getEncoder().encodeToString(value));
            }
        });
        jdbi.registerColumnMapper(byte[].class, (rs, column, ctx) -> {
            String text = rs.getString(column);
            return text == null ? null : Base64.getDecoder().decode(text);
        });
        jdbi.registerRowMapper(ConstructorMapper.factory(AgentRow.class));
        jdbi.registerRowMapper(ConstructorMapper.factory(StoredResult.class));
        jdbi.registerRowMapper(ConstructorMapper.factory(StoredAudit.class));
        jdbi.registerRowMapper(ConstructorMapper.factory(DeadLetter.class));
        jdbi.registerRowMapper(ConstructorMapper.factory(Tally.class));
    }

    /** Payloads are written by {@link JsonNode#toString()}; text that is not JSON comes back as a text node. */
    private static JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            return Json.mapper().getNodeFactory().textNode(text);
        }
    }
}
