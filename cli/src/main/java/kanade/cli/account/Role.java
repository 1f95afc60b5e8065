package kanade.cli.account;

import java.util.Locale;

/** The backend's roles, least first: viewer reads, operator also acts on the fleet, admin also manages accounts. */
public enum Role {
    VIEWER, OPERATOR, ADMIN;

    /** The name on the wire ({@code viewer}, ...). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
