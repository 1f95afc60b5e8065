package kanade.protocol.broker;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders the broker's one {@code authorization { users = [...] }} block (nats-server rejects a token beside a
 * users array): the agent role by NKey public key, the backend and admin roles by user and password (plain or a
 * bcrypt hash), each with its {@link BrokerRole} permissions. The file holding it must be readable by the broker only.
 */
public final class BrokerUsers {
    /** How long the broker waits for a client's login (nats-server's default is 2 s). */
    public static final int LOGIN_TIMEOUT_SECONDS = 10;

    private BrokerUsers() {
    }

    /** A user/password login of a role. */
    public record Login(String user, String password) {
    }

    public static String authorization(String agentNkeyPublic, Login backend, Login admin) {
        List<String> users = new ArrayList<>();
        users.add("    { nkey: " + quote(agentNkeyPublic) + ", permissions: " + render(BrokerRole.AGENT) + " }");
        users.add("    { user: " + quote(backend.user()) + ", password: " + quote(backend.password())
                + ", permissions: " + render(BrokerRole.BACKEND) + " }");
        users.add("    { user: " + quote(admin.user()) + ", password: " + quote(admin.password())
                + ", permissions: " + render(BrokerRole.ADMIN) + " }");
        // a reconnect storm of 10,000 agents needs longer than nats-server's 2 s to finish logins: a login that times out
        // twice makes the client give up for good (jnats closes after the same auth error twice)
        return "authorization {\n  timeout: " + LOGIN_TIMEOUT_SECONDS + "\n  users = [\n" + String.join("\n", users)
                + "\n  ]\n}\n";
    }

    private static String render(BrokerRole role) {
        BrokerRole.Permissions p = role.permissions();
        StringBuilder out = new StringBuilder("{ publish: ").append(lists(p.publishAllow(), p.publishDeny()))
                .append(", subscribe: ").append(lists(p.subscribeAllow(), p.subscribeDeny()));
        if (p.allowResponses()) {
            out.append(", allow_responses: true");
        }
        return out.append(" }").toString();
    }

    private static String lists(List<String> allow, List<String> deny) {
        String rendered = "{ allow: " + array(allow);
        if (!deny.isEmpty()) {
            rendered += ", deny: " + array(deny);
        }
        return rendered + " }";
    }

    private static String array(List<String> subjects) {
        return "[" + String.join(", ", subjects.stream().map(BrokerUsers::quote).toList()) + "]";
    }

    /** A double-quoted config string; credentials are generated, but quotes and backslashes are escaped anyway. */
    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
