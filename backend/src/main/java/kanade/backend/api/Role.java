package kanade.backend.api;

import java.util.Locale;

/** The least role a caller needs for a route, in kanade's order: viewer < operator < admin; public needs none. */
public enum Role {
    PUBLIC,
    VIEWER,
    OPERATOR,
    ADMIN;

    /** The lower-case name shown in /api/openapi.json ({@code x-kanade-role}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a caller holding {@code held} may use a route that needs this role. */
    public boolean allows(Role held) {
        return held.ordinal() >= ordinal();
    }
}
