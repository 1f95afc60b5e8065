package kanade.protocol.broker;

import java.util.List;
import kanade.protocol.subject.Subjects;

/**
 * The broker's roles and what each may publish and subscribe: the one table that dev, dist and test broker configs
 * are rendered from. Each role has its own inbox prefix, so no role can read another's replies or pull deliveries.
 * Later features that give agents new subjects add them here.
 */
public enum BrokerRole {
    /** Every agent (one NKey): its own data subjects out, commands and kills in, replies to pings. */
    AGENT("_INBOX_agent", new Permissions(
            List.of(Subjects.RESULTS_WILDCARD, Subjects.HEARTBEAT_WILDCARD, Subjects.INVENTORY_WILDCARD,
                    Subjects.EVENTS_WILDCARD),
            List.of(),
            List.of(Subjects.COMMANDS_WILDCARD, Subjects.KILL_WILDCARD, "agents.*.ping", "logs.fetch.*",
                    "_INBOX_agent.>"),
            List.of(),
            true)),
    /** The backend: everything except the other roles' inboxes. */
    BACKEND("_INBOX_backend", new Permissions(
            List.of(">"), List.of(),
            List.of(">"), List.of("_INBOX_agent.>", "_INBOX_admin.>"),
            false)),
    /**
     * The operator-admin credential of {@code kanade jetstream}: the JetStream API, its audit events (a setup is
     * audited first) and its own inbox.
     */
    ADMIN("_INBOX_admin", new Permissions(
            List.of("$JS.API.>", Subjects.AUDIT_WILDCARD), List.of(),
            List.of("_INBOX_admin.>"), List.of(),
            false));

    private final String inboxPrefix;
    private final Permissions permissions;

    BrokerRole(String inboxPrefix, Permissions permissions) {
        this.inboxPrefix = inboxPrefix;
        this.permissions = permissions;
    }

    /** The inbox prefix the role's connections use (jnats {@code Options.inboxPrefix}). */
    public String inboxPrefix() {
        return inboxPrefix;
    }

    public Permissions permissions() {
        return permissions;
    }

    /** Allow and deny lists as nats-server reads them; {@code allowResponses} lets the role answer requests. */
    public record Permissions(List<String> publishAllow, List<String> publishDeny, List<String> subscribeAllow,
                              List<String> subscribeDeny, boolean allowResponses) {
        public Permissions {
            publishAllow = List.copyOf(publishAllow);
            publishDeny = List.copyOf(publishDeny);
            subscribeAllow = List.copyOf(subscribeAllow);
            subscribeDeny = List.copyOf(subscribeDeny);
        }
    }
}
