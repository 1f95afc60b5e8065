package kanade.protocol.subject;

/** JetStream stream names from kanade's contract. */
public final class Streams {
    public static final String INVENTORY = "INVENTORY";
    public static final String RESULTS = "RESULTS";
    public static final String EXEC = "EXEC";
    public static final String EVENTS = "EVENTS";
    public static final String AUDIT = "AUDIT";

    private Streams() {
    }
}
