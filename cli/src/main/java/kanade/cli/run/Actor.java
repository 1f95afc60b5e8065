package kanade.cli.run;

/** Who the CLI acts as in audit events: $KANADE_ACTOR, else the OS user. */
public final class Actor {
    private Actor() {
    }

    /** The current actor name. */
    public static String current() {
        String actor = System.getenv("KANADE_ACTOR");
        return actor != null && !actor.isBlank() ? actor : System.getProperty("user.name", "unknown");
    }
}
