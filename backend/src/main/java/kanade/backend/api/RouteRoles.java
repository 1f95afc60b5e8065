package kanade.backend.api;

import java.util.List;

/** The README's table of every route and its least role, rendered from the route table (a test keeps it current). */
public final class RouteRoles {
    public static final String BEGIN = "<!-- routes:begin (generated from the route table; OpenApiTest checks it) -->";
    public static final String END = "<!-- routes:end -->";

    private RouteRoles() {
    }

    /** The Markdown table, between {@link #BEGIN} and {@link #END}. */
    public static String markdown(List<Route> routes) {
        StringBuilder out = new StringBuilder(BEGIN).append("\n| route | least role | what |\n| --- | --- | --- |\n");
        for (Route route : routes) {
            out.append("| `").append(route.method().name()).append(' ').append(route.path()).append("` | ")
                    .append(route.role().wireName()).append(" | ").append(firstSentence(route.summary()))
                    .append(" |\n");
        }
        return out.append(END).toString();
    }

    private static String firstSentence(String summary) {
        int cut = summary.indexOf(". ");
        String first = cut < 0 ? summary : summary.substring(0, cut);
        return first.replace("|", "\\|");
    }
}
