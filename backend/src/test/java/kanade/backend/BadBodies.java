package kanade.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Bad JSON bodies for one object schema: not an object, broken or ambiguous JSON, each property missing, doubled or
 * of the wrong type, over-long values, 2 MB, invalid UTF-8, wrong content types and broken body framing. The base
 * object fills every property with a plausible value whose strings contain a '.', which no subject token may, so a
 * mutation that still parses is refused before anything reaches the broker.
 */
final class BadBodies {
    /** A body to send: with Content-Type {@code headers} and Content-Length, or {@code raw} framing as it is. */
    record Body(String label, String headers, byte[] bytes, String raw) {
    }

    private static final String JSON = "Content-Type: application/json\r\n";
    private static final List<String> RAW = List.of("null", "[]", "[{}]", "\"text\"", "123", "true", "{}", "", " ",
            "{", "{\"a\":", "{}}", "{} garbage", "{\"a\":1}{\"b\":2}", "{'single':'quotes'}", "{a:1}", "{\"a\":NaN}",
            "\u00ef\u00bb\u00bf{}", "{\"\\ud800\":1}", "{\"__proto__\":{}}", "/* comment */ {}");

    private final ObjectNode base;
    private final List<Body> bodies = new ArrayList<>();

    private BadBodies(JsonNode schema) {
        this.base = baseFor(schema);
    }

    /** Every bad body for {@code schema} (an object schema with properties). */
    static List<Body> from(JsonNode schema) {
        BadBodies bad = new BadBodies(schema);
        bad.generate(schema);
        return bad.bodies;
    }

    private void generate(JsonNode schema) {
        RAW.forEach(raw -> json("raw " + raw, raw));
        json("nested 5000 deep", "[".repeat(5000) + "]".repeat(5000));
        json("nested objects 5000 deep", "{\"a\":".repeat(5000) + "1" + "}".repeat(5000));
        json("base then garbage", base + " trailing");
        json("unknown field", with("no_such_field", "\"x\""));
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String name = property.getKey();
            ObjectNode without = base.deepCopy();
            without.remove(name);
            json("without " + name, without.toString());
            json("duplicate " + name, "{\"" + name + "\":" + base.get(name) + "," + base.toString().substring(1));
            for (String wrong : wrongValues(property.getValue())) {
                json(name + "=" + (wrong.length() > 24 ? wrong.substring(0, 12) + "..." : wrong), with(name, wrong));
            }
        }
        String first = base.fieldNames().next();
        bodies.add(new Body("2 MB value", JSON, with(first, "\"" + "m".repeat(2 * 1024 * 1024) + "\"")
                .getBytes(StandardCharsets.UTF_8), null));
        bodies.add(new Body("invalid UTF-8", JSON, invalidUtf8(), null));
        bodies.add(new Body("UTF-16 body", JSON, base.toString().getBytes(StandardCharsets.UTF_16), null));
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/json; charset=ebcdic", "application/xml", "")) {
            bodies.add(new Body("content type '" + type + "'", type.isEmpty() ? "" : "Content-Type: " + type + "\r\n",
                    base.toString().getBytes(StandardCharsets.UTF_8), null));
        }
        framing();
    }

    private void framing() {
        String body = base.toString();
        raw("Content-Length longer than the body", "Content-Length: " + (body.length() + 100) + "\r\n\r\n" + body);
        raw("negative Content-Length", "Content-Length: -5\r\n\r\n" + body);
        raw("non-numeric Content-Length", "Content-Length: abc\r\n\r\n" + body);
        raw("two Content-Lengths", "Content-Length: 2\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
        raw("bad chunk size", "Transfer-Encoding: chunked\r\n\r\nzz\r\n" + body + "\r\n0\r\n\r\n");
        raw("chunk longer than sent", "Transfer-Encoding: chunked\r\n\r\nfff\r\n" + body);
        raw("chunked and Content-Length", "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n"
                + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n");
        raw("Content-Length 2 GB", "Content-Length: 2147483648\r\n\r\n" + body);
    }

    private static List<String> wrongValues(JsonNode property) {
        List<String> values = new ArrayList<>(List.of("null", "{}", "[]", "true", "\"\"", "\" \""));
        if (property.path("type").asText().equals("integer") || property.path("type").path(0).asText().equals("integer")) {
            values.addAll(List.of("\"30\"", "1.7", "1e400", "-1", "0", "99999999999999999999999",
                    "-99999999999999999999999", "9223372036854775807", "-9223372036854775808", "1e3", "\"\\u0000\""));
        } else {
            values.addAll(List.of("123", "1.5", "\"a\\u0000b\"", "\"\\ud800\"", "\"\u00fc\u65e5\"",
                    "\"" + "a".repeat(100_000) + "\"", "\"" + "a-".repeat(3_000) + "\"", "\"a b\"", "\"a.b\"",
                    "\"*\"", "\">\"", "\"\\r\\nX: y\""));
        }
        return values;
    }

    private void json(String label, String body) {
        bodies.add(new Body(label, JSON, body.getBytes(StandardCharsets.UTF_8), null));
    }

    private void raw(String label, String rest) {
        bodies.add(new Body(label, null, null, rest));
    }

    private String with(String name, String valueJson) {
        ObjectNode others = base.deepCopy();
        others.remove(name);
        return "{\"" + name + "\":" + valueJson + (others.isEmpty() ? "}" : "," + others.toString().substring(1));
    }

    private byte[] invalidUtf8() {
        String encoded = base.toString();
        int quote = encoded.indexOf(":\"") + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(encoded.substring(0, quote).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, (byte) 0x28, (byte) 0xed, (byte) 0xa0,
                (byte) 0x80});
        out.writeBytes(encoded.substring(quote).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static ObjectNode baseFor(JsonNode schema) {
        ObjectNode base = JsonNodeFactory.instance.objectNode();
        schema.path("properties").fields().forEachRemaining(p -> {
            String type = p.getValue().path("type").isArray() ? p.getValue().path("type").path(0).asText()
                    : p.getValue().path("type").asText();
            switch (type) {
                case "integer", "number" -> base.put(p.getKey(), 1);
                case "boolean" -> base.put(p.getKey(), true);
                default -> base.put(p.getKey(), "fuzz.value");
            }
        });
        return base;
    }
}
