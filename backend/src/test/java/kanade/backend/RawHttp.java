package kanade.backend;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import kanade.protocol.wire.Json;

/**
 * An HTTP/1.1 client that sends the request bytes exactly as given (no URL normalisation, no header checks) over a
 * fresh connection and reads the answer to the end: for requests a normal client refuses or cleans up.
 */
final class RawHttp {
    /** A parsed answer: status, headers (lower-case names) and the body as UTF-8 text. */
    record Answer(int status, Map<String, String> headers, String body) {
        String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        /** The body as JSON, or null when it is not JSON. */
        JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                return null;
            }
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
        }
    }

    /** What an answer must never name: our packages, Java's, the libraries', or an exception. */
    static final java.util.regex.Pattern LEAK = java.util.regex.Pattern.compile("kanade\\.|java\\.|com\\.fasterxml"
            + "|org\\.eclipse|jetty|javalin|Exception", java.util.regex.Pattern.CASE_INSENSITIVE);

    private final int port;
    private final String token;

    RawHttp(int port) {
        this(port, null);
    }

    /** Every request also carries {@code Authorization: Bearer <token>} (after its request line). */
    RawHttp(int port, String token) {
        this.port = port;
        this.token = token;
    }

    /** Sends {@code method target} with {@code Host} and {@code Connection: close}, plus {@code extraHeaders} and body. */
    Answer send(String method, String target, String extraHeaders, byte[] body) throws IOException {
        return exchange(request(method, target, extraHeaders, body));
    }

    /**
     * The bytes of {@code method target HTTP/1.1} with {@code Host} and {@code Connection: close}, then
     * {@code extraHeaders} (each ending in CRLF), then {@code Content-Length} and the body when there is one.
     */
    static byte[] request(String method, String target, String extraHeaders, byte[] body) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes((method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + extraHeaders).getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            request.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        if (body != null) {
            request.writeBytes(body);
        }
        return request.toByteArray();
    }

    /** Sends {@code request} as it is and reads the answer until the server closes the connection. */
    Answer exchange(byte[] request) throws IOException {
        request = authorized(request);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                socket.shutdownOutput();
            } catch (IOException earlyClose) {
                // the server may answer and close before it has read everything (414, 431, 413): read its answer
            }
            return parse(readAll(socket.getInputStream()));
        }
    }

    private byte[] authorized(byte[] request) {
        String text = new String(request, StandardCharsets.ISO_8859_1);
        int lineEnd = text.indexOf("\r\n");
        if (token == null || lineEnd < 0) {
            return request;
        }
        return (text.substring(0, lineEnd + 2) + "Authorization: Bearer " + token + "\r\n" + text.substring(lineEnd + 2))
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (IOException reset) {
            if (all.size() == 0) {
                throw reset;
            }
        }
        return all.toByteArray();
    }

    private static Answer parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            throw new IOException("no HTTP answer: '" + text + "'");
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOfCrlf(chunked, at);
            String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrlf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return bytes.length;
    }
}
