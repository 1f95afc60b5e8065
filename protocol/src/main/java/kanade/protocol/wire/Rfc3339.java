package kanade.protocol.wire;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Fast RFC 3339 formatting and parsing of {@link Instant}s for the wire: every result and heartbeat carries several
 * timestamps, and {@code DateTimeFormatter} dominated the encode/decode profile. Output is UTC with millisecond
 * precision ({@code 2026-11-23T06:59:00.125Z}); input with other offsets or precisions falls back to the JDK parser.
 */
public final class Rfc3339 {
    private Rfc3339() {
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.SSS]Z} in UTC (milliseconds shown only when non-zero). */
    public static String format(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return instant.toString();
        }
        StringBuilder out = new StringBuilder(24);
        pad(out, year, 4).append('-');
        pad(out, t.getMonthValue(), 2).append('-');
        pad(out, t.getDayOfMonth(), 2).append('T');
        pad(out, t.getHour(), 2).append(':');
        pad(out, t.getMinute(), 2).append(':');
        pad(out, t.getSecond(), 2);
        int millis = instant.getNano() / 1_000_000;
        if (millis != 0) {
            pad(out.append('.'), millis, 3);
        }
        return out.append('Z').toString();
    }

    /** Parses an RFC 3339 time; the common {@code ...Z} form without the JDK's formatter. */
    public static Instant parse(String text) {
        int n = text.length();
        if (n >= 20 && text.charAt(n - 1) == 'Z' && text.charAt(4) == '-' && text.charAt(7) == '-'
                && (text.charAt(10) == 'T' || text.charAt(10) == 't') && text.charAt(13) == ':' && text.charAt(16) == ':') {
            try {
                int nanos = 0;
                if (n > 20) {
                    if (text.charAt(19) != '.' || n - 21 > 9 || n - 21 < 1) {
                        return fallback(text);
                    }
                    int digits = n - 21;
                    nanos = digits(text, 20, 20 + digits);
                    for (int i = digits; i < 9; i++) {
                        nanos *= 10;
                    }
                }
                LocalDateTime t = LocalDateTime.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10),
                        digits(text, 11, 13), digits(text, 14, 16), digits(text, 17, 19), nanos);
                return t.toInstant(ZoneOffset.UTC);
            } catch (RuntimeException e) {
                return fallback(text);
            }
        }
        return fallback(text);
    }

    private static Instant fallback(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return Instant.parse(text);
        }
    }

    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(s);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits);
    }
}
