package kanade.protocol.subject;

/** Checks and cleans single NATS subject tokens (pc ids, group names, request ids). */
public final class SubjectToken {
    private SubjectToken() {
    }

    /** Returns {@code value} when it is one valid subject token, else fails naming {@code what}. */
    public static String require(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '.' || c == '*' || c == '>' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException(what + " '" + value
                        + "' may not contain '.', '*', '>' or whitespace (it is one NATS subject token)");
            }
        }
        return value;
    }

    /** Whether {@code value} is one valid subject token. */
    public static boolean isValid(String value) {
        try {
            require(value, "token");
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Replaces every character that cannot stand in a token with '_' (for free-form audit actors and targets). */
    public static String sanitize(String value) {
        if (value == null || value.isEmpty()) {
            return "_";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean bad = c == '.' || c == '*' || c == '>' || Character.isWhitespace(c) || Character.isISOControl(c);
            out.append(bad ? '_' : c);
        }
        return out.toString();
    }
}
