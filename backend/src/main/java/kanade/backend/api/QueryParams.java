package kanade.backend.api;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import kanade.protocol.time.HumanDuration;

/**
 * Reads and validates query parameters (and bounds path values); every bad value is a 400 invalid_parameter naming
 * the parameter. No text value is longer than {@link #MAX_TEXT} characters.
 */
final class QueryParams {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    /** The longest text value a parameter may have (an id, a name, a search). */
    static final int MAX_TEXT = 255;
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private QueryParams() {
    }

    static String text(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value != null && value.chars().anyMatch(Character::isISOControl)) {
            throw invalid(name, "must not contain control characters");
        }
        return value == null || value.isBlank() ? null : bounded(value.trim(), name);
    }

    /**
     * 400 bad_request when the raw query string has a '%' without two hex digits after it: the server would drop such
     * a parameter without a word, and the route would run with its default.
     */
    static void requireWellFormed(Context ctx) {
        String query = ctx.queryString();
        if (query == null) {
            return;
        }
        for (int i = query.indexOf('%'); i >= 0; i = query.indexOf('%', i + 1)) {
            if (i + 2 >= query.length() || Character.digit(query.charAt(i + 1), 16) < 0
                    || Character.digit(query.charAt(i + 2), 16) < 0) {
                throw new ApiException(ErrorCode.BAD_REQUEST, "the query string has a '%' without two hex digits"
                        + " after it; write a literal '%' as %25");
            }
        }
    }

    /** {@code value} when it is at most {@link #MAX_TEXT} characters long (null passes), else 400 naming it. */
    static String bounded(String value, String name) {
        if (value != null && value.length() > MAX_TEXT) {
            throw invalid(name, "at most " + MAX_TEXT + " characters, got " + value.length());
        }
        return value;
    }

    static int limit(Context ctx) {
        int value = integer(ctx, "limit", DEFAULT_LIMIT);
        if (value < 1 || value > MAX_LIMIT) {
            throw invalid("limit", "must be between 1 and " + MAX_LIMIT + ", got " + value);
        }
        return value;
    }

    static int offset(Context ctx) {
        int value = integer(ctx, "offset", 0);
        if (value < 0) {
            throw invalid("offset", "must be >= 0, got " + value);
        }
        return value;
    }

    /** {@code since}: an RFC 3339 time or a duration back from now such as {@code 24h} or {@code 7d}. */
    static Instant since(Context ctx, Clock clock) {
        String value = text(ctx, "since");
        if (value == null) {
            return null;
        }
        Instant since;
        try {
            since = Instant.parse(value);
        } catch (DateTimeParseException notATime) {
            try {
                since = clock.instant().minus(HumanDuration.parse(value));
            } catch (IllegalArgumentException | ArithmeticException | DateTimeException notADuration) {
                throw invalid("since", "'" + value + "' is neither an RFC 3339 time (2026-11-23T06:00:00Z) nor a"
                        + " duration (24h, 7d) within the representable range");
            }
        }
        if (since.isBefore(EARLIEST) || since.isAfter(LATEST)) {
            throw invalid("since", "'" + value + "' is outside " + EARLIEST + " .. " + LATEST);
        }
        return since;
    }

    static <E extends Enum<E>> E oneOf(Context ctx, String name, Class<E> type) {
        String value = text(ctx, name);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E constant : type.getEnumConstants()) {
                allowed.append(allowed.isEmpty() ? "" : "|").append(constant.name().toLowerCase(Locale.ROOT));
            }
            throw invalid(name, "'" + value + "' is not one of " + allowed);
        }
    }

    static int integer(Context ctx, String name, int fallback) {
        String value = text(ctx, name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid(name, "'" + value + "' is not an integer");
        }
    }

    static ApiException invalid(String name, String why) {
        return new ApiException(ErrorCode.INVALID_PARAMETER, name + ": " + why);
    }
}
