package kanade.runtime.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** A secret value that never prints itself: {@code toString()} is {@code ***}. */
public final class Secret {
    private final String value;
    private final String origin;

    public Secret(String value, String origin) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("secret must not be empty");
        }
        this.value = value;
        this.origin = origin;
    }

    /** The plain value; pass it straight to the library that needs it, never to a log. */
    public String reveal() {
        return value;
    }

    /** Where it came from, for example {@code env KANADE_NATS_TOKEN}; safe to log. */
    public String origin() {
        return origin;
    }

    /** Constant-time comparison with a presented value. */
    public boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "***";
    }
}
