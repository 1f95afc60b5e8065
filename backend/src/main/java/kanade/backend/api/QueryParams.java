package kanade.backend.api;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import kanade.protocol.time.HumanDuration;

/** Reads and validates query parameters; every bad value is a 400 invalid_parameter naming the parameter. */
final class QueryParams {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private QueryParams() {
    }

    static String text(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? null : value.trim();
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
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notATime) {
            try {
                return clock.instant().minus(HumanDuration.parse(value));
            } catch (IllegalArgumentException notADuration) {
                throw invalid("since", "'" + value + "' is neither an RFC 3339 time (2026-11-23T06:00:00Z) nor a duration (24h, 7d)");
            }
        }
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
