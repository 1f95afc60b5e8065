package kanade.backend.auth;

import java.time.Instant;
import java.util.Locale;
import kanade.backend.api.Role;

/** One row of {@code users}: an operator's account. The row is authoritative on every request. */
public record Account(String username, String passwordHash, String roleName, boolean disabled, boolean mustChangePw,
                      Instant createdAt, Instant updatedAt, Instant lastLoginAt) {

    /** The account's role; an unknown stored value reads as no access. */
    public Role role() {
        Role role = parseRole(roleName);
        return role == null ? Role.PUBLIC : role;
    }

    /** viewer, operator or admin (any case); null for anything else, including public. */
    public static Role parseRole(String name) {
        if (name == null) {
            return null;
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "viewer" -> Role.VIEWER;
            case "operator" -> Role.OPERATOR;
            case "admin" -> Role.ADMIN;
            default -> null;
        };
    }
}
