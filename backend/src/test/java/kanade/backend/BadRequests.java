package kanade.backend;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Generates bad requests from an OpenAPI document: for every path and method, wrong methods, odd path parameters,
 * odd query parameters, bad bodies (see {@link BadBodies}), over-long URIs and headers and broken header lines. Each
 * is a raw HTTP/1.1 request, so nothing is cleaned up on the way.
 */
final class BadRequests {
    /** One request to send: what it tries, its bytes, and the content type a 2xx answer must have (null: none). */
    record Probe(String label, byte[] bytes, String okType) {
    }

    static final String TOKEN = "fuzz-probe";
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "BREW",
            "get");
    private static final List<String> PATH_VALUES = List.of("%00", "%zz", "%", "%2", "a%2Fb", "..", "%2e%2e", ".",
            "a.b", "*", ">", "%20", "%20%20", "%C3%BC", "%C3%28", "%FF", "%C0%AF", "a%5Cb", "a;b=c", "%E2%80%AE",
            "a%0D%0ASet-Cookie:%20x=1", "%3Cscript%3E", "a".repeat(10_000), "%41".repeat(3_000), "%F0%9F%98%80",
            "~", "%7E");
    private static final List<String> QUERY_VALUES = List.of("-1", "0", "-999999999999", "99999999999999999999",
            "2147483648", "-2147483649", "abc", "1.5", "1e3", "0x10", "%2B5", "", "%00", "%zz", "%", "%25", "_",
            "%5C", "a".repeat(6_000), "%C3%28", "%FF", "24x", "-1h", "0s", "9999999999d", "99999999999999999999h",
            "106751991167301d", "P1D", "2026-13-45T00:00:00Z", "9999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
            "great", "OK", "ok%00", "%E2%80%AE", "%27%20or%201=1--", "null", "[]", "%7B%7D");

    private final JsonNode doc;
    private final List<Probe> probes = new ArrayList<>();

    private BadRequests(JsonNode doc) {
        this.doc = doc;
    }

    /** Every probe for every operation in {@code doc}. */
    static List<Probe> from(JsonNode doc) {
        BadRequests requests = new BadRequests(doc);
        doc.get("paths").fields().forEachRemaining(path -> requests.path(path.getKey(), path.getValue()));
        return requests.probes;
    }

    private void path(String path, JsonNode item) {
        Set<String> declared = new java.util.HashSet<>();
        item.fieldNames().forEachRemaining(m -> declared.add(m.toUpperCase(Locale.ROOT)));
        String target = fill(path, TOKEN);
        for (String method : METHODS) {
            if (!declared.contains(method)) {
                add("wrong method " + method + " " + path, method, target, "", null, null);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> ops = item.fields(); ops.hasNext(); ) {
            Map.Entry<String, JsonNode> op = ops.next();
            operation(path, op.getKey().toUpperCase(Locale.ROOT), op.getValue());
        }
    }

    private void operation(String path, String method, JsonNode op) {
        String okType = okType(op);
        String quick = path.endsWith("/ping") ? "?wait_secs=1" : "";
        if (path.contains("{")) {
            for (String value : PATH_VALUES) {
                add(method + " " + path + " with " + shorten(value), method, fill(path, value) + quick, "", null, okType);
            }
        }
        for (JsonNode param : op.path("parameters")) {
            if (param.path("in").asText().equals("query")) {
                String name = param.get("name").asText();
                for (String value : QUERY_VALUES) {
                    String target = fill(path, TOKEN) + "?" + name + "=" + value + (quick.isEmpty() || name.equals(
                            "wait_secs") ? "" : "&wait_secs=1");
                    add(method + " " + path + " " + name + "=" + shorten(value), method, target, "", null, okType);
                }
                add(method + " " + path + " " + name + " twice", method, fill(path, TOKEN) + "?" + name + "=1&" + name
                        + "=abc" + quick.replace('?', '&'), "", null, okType);
            }
        }
        String target = fill(path, TOKEN) + quick;
        JsonNode body = op.path("requestBody").path("content").path("application/json").path("schema");
        if (!body.isMissingNode()) {
            for (BadBodies.Body bad : BadBodies.from(resolve(body))) {
                probes.add(new Probe(method + " " + path + " body " + bad.label(),
                        bad.raw() != null ? framed(method, target, bad.raw()) : RawHttp.request(method, target,
                                bad.headers(), bad.bytes()), okType));
            }
        } else if (method.equals("POST")) {
            add(method + " " + path + " with an unexpected body", method, target, "Content-Type: application/json\r\n",
                    "{\"x\":".getBytes(StandardCharsets.UTF_8), okType);
        }
        edges(method, path, target, okType);
    }

    /** Over-long URI and headers, broken header lines, and an Accept header that does not want JSON. */
    private void edges(String method, String path, String target, String okType) {
        String sep = target.contains("?") ? "&" : "?";
        add(method + " " + path + " 64 KB URI", method, target + sep + "pad=" + "u".repeat(64 * 1024), "", null, okType);
        add(method + " " + path + " 64 KB header", method, target, "X-Pad: " + "h".repeat(64 * 1024) + "\r\n", null,
                okType);
        add(method + " " + path + " 500 headers", method, target, "X-Many: 0123456789\r\n".repeat(500), null, okType);
        add(method + " " + path + " header name with a space", method, target, "Bad Header: x\r\n", null, okType);
        add(method + " " + path + " header value with NUL", method, target, "X-Nul: a\0b\r\n", null, okType);
        add(method + " " + path + " folded header", method, target, "X-Fold: a\r\n b\r\n", null, okType);
        add(method + " " + path + " Accept text/html, bad query", method, target + sep + "limit=-1&since=never",
                "Accept: text/html\r\n", null, okType);
        add(method + " " + path + " Accept nothing usable", method, target + sep + "limit=abc",
                "Accept: application/xml\r\nAccept-Charset: ebcdic\r\n", null, okType);
        probes.add(new Probe(method + " " + path + " two Host headers", ("" + method + " " + target
                + " HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8),
                okType));
        probes.add(new Probe(method + " " + path + " raw UTF-8 in the request line", (method + " " + target
                + "/\u00fc\u65e5 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8),
                okType));
    }

    private void add(String label, String method, String target, String headers, byte[] body, String okType) {
        probes.add(new Probe(label, RawHttp.request(method, target, headers, body), okType));
    }

    private static byte[] framed(String method, String target, String rest) {
        return (method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\n" + rest).getBytes(StandardCharsets.ISO_8859_1);
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.isEmpty() ? schema : doc.at(ref.substring(1));
    }

    /** The content type of the operation's 2xx answers, or null when it declares none (204 has no content). */
    private static String okType(JsonNode op) {
        for (Iterator<Map.Entry<String, JsonNode>> it = op.path("responses").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> response = it.next();
            Iterator<String> types = response.getValue().path("content").fieldNames();
            if (response.getKey().startsWith("2") && types.hasNext()) {
                return types.next();
            }
        }
        return null;
    }

    private static String fill(String path, String value) {
        return path.replaceAll("\\{[^}]+}", java.util.regex.Matcher.quoteReplacement(value));
    }

    private static String shorten(String value) {
        return value.length() > 24 ? value.substring(0, 12) + "...(" + value.length() + " chars)" : value;
    }
}
