package kanade.backend;

import kanade.backend.api.Route;

/** Account set-up and route calls for the auth tests. */
final class AuthFlows {
    static final String PASSWORD = "a-long-enough-password";
    private static final String FIRST = "a-first-password-to-change";

    private AuthFlows() {
    }

    /** Creates {@code user} with {@code role} through the API, changes its first password, returns a session token. */
    static String sessionOf(Http admin, String user, String role) throws Exception {
        Http.Response created = admin.post("/api/accounts", "{\"username\":\"" + user + "\",\"password\":\"" + FIRST
                + "\",\"role\":\"" + role + "\"}");
        if (created.status() != 201) {
            throw new AssertionError("account " + user + ": " + created.body());
        }
        String first = login(admin, user, FIRST);
        Http.Response changed = admin.withToken(first).post("/api/auth/change-password", "{\"old_password\":\""
                + FIRST + "\",\"new_password\":\"" + PASSWORD + "\"}");
        if (changed.status() != 204) {
            throw new AssertionError("change-password " + user + ": " + changed.body());
        }
        return login(admin, user, PASSWORD);
    }

    private static String login(Http any, String user, String password) throws Exception {
        Http.Response login = any.withToken(null).post("/api/auth/login", "{\"username\":\"" + user
                + "\",\"password\":\"" + password + "\"}");
        if (login.status() != 200) {
            throw new AssertionError("login " + user + ": " + login.body());
        }
        return login.json().get("token").asText();
    }

    /**
     * Calls {@code route} harmlessly: placeholders in the path, an empty JSON object as the body (each route refuses
     * it with 400 after the guard), {@code wait_secs=0} so a ping does not wait; returns the status.
     */
    static int call(Http http, Route route) throws Exception {
        String path = route.path().replaceAll("\\{[^}]+}", "nobody");
        return switch (route.method().name()) {
            case "GET" -> http.get(path).status();
            case "POST" -> http.post(path + (path.endsWith("/ping") ? "?wait_secs=0" : ""), "{}").status();
            case "PATCH" -> http.patch(path, "{}").status();
            case "DELETE" -> http.delete(path).status();
            default -> throw new AssertionError("no call for " + route.method());
        };
    }
}
