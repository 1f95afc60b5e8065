package kanade.backend.auth;

import kanade.backend.api.Role;

/**
 * Who is calling and with which role, as authentication found it. {@code mustChangePw} holds only for a session
 * (login) token of an account that must change its password; named API tokens are not held up by it.
 */
public record Identity(String name, Role role, Kind kind, boolean mustChangePw) {
    /** How the caller authenticated. */
    public enum Kind { AUTH_DISABLED, SERVICE_TOKEN, API_TOKEN, SESSION }

    /** The identity when {@code KANADE_AUTH_DISABLE=1} (dev only): an admin named {@code auth-disabled}. */
    public static final Identity AUTH_DISABLED = new Identity("auth-disabled", Role.ADMIN, Kind.AUTH_DISABLED, false);
    /** The static service token's identity, as kanade names it. */
    public static final Identity SERVICE_TOKEN = new Identity("service-token", Role.ADMIN, Kind.SERVICE_TOKEN, false);
}
