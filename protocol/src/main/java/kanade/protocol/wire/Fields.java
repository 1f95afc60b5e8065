package kanade.protocol.wire;

/** Invariant checks for wire records; messages use the snake_case field name seen on the wire. */
public final class Fields {
    private Fields() {
    }

    /** Returns {@code value}, or fails naming {@code field} when it is null. */
    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new WireFormatException("missing required field '" + field + "'");
        }
        return value;
    }

    /** Returns {@code value}, or fails naming {@code field} when it is null or blank. */
    public static String requiredText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new WireFormatException("missing required field '" + field + "'");
        }
        return value;
    }

    /** Fails naming {@code field} when {@code value} is negative. */
    public static long nonNegative(long value, String field) {
        if (value < 0) {
            throw new WireFormatException("field '" + field + "' must be >= 0, got " + value);
        }
        return value;
    }
}
