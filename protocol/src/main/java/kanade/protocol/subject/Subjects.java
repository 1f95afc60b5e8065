package kanade.protocol.subject;

/** Every NATS subject Kanade uses, following kanade's wire contract. The only place subject strings live. */
public final class Subjects {
    /** Commands for every agent. */
    public static final String COMMANDS_ALL = "commands.all";
    /** Everything the EXEC stream captures. */
    public static final String COMMANDS_WILDCARD = "commands.>";
    /** Every result (the RESULTS stream). */
    public static final String RESULTS_WILDCARD = "results.>";
    /** Every heartbeat (core NATS, no stream). */
    public static final String HEARTBEAT_WILDCARD = "heartbeat.>";
    /** Every inventory snapshot (the INVENTORY stream). */
    public static final String INVENTORY_WILDCARD = "inventory.>";
    /** Every agent event (the EVENTS stream). */
    public static final String EVENTS_WILDCARD = "events.>";
    /** Every kill, for the agent's one kill subscription (job ids are single tokens). */
    public static final String KILL_WILDCARD = "kill.*";
    /** Every audit event (the AUDIT stream). */
    public static final String AUDIT_WILDCARD = "audit.>";

    private static final String COMMANDS_PC = "commands.pc.";
    private static final String COMMANDS_GROUP = "commands.group.";

    private Subjects() {
    }

    /** {@code commands.pc.<pc_id>}: commands for one agent. */
    public static String commandsPc(String pcId) {
        return COMMANDS_PC + SubjectToken.require(pcId, "pc_id");
    }

    /** {@code commands.group.<group>}: commands for the members of a group. */
    public static String commandsGroup(String group) {
        return COMMANDS_GROUP + SubjectToken.require(group, "group");
    }

    /** {@code results.<request_id>}: the results of one command. */
    public static String results(String requestId) {
        return "results." + SubjectToken.require(requestId, "request_id");
    }

    /** The request id in a {@code results.<request_id>} subject, or null when it is not one. */
    public static String requestIdOfResults(String subject) {
        return subject.startsWith("results.") ? subject.substring("results.".length()) : null;
    }

    /** {@code heartbeat.<pc_id>}. */
    public static String heartbeat(String pcId) {
        return "heartbeat." + SubjectToken.require(pcId, "pc_id");
    }

    /** {@code agents.<pc_id>.ping}: request/reply, answered with a fresh Heartbeat. */
    public static String agentPing(String pcId) {
        return "agents." + SubjectToken.require(pcId, "pc_id") + ".ping";
    }

    /** {@code kill.<job_id>}: terminates every running process of that job. */
    public static String kill(String jobId) {
        return "kill." + SubjectToken.require(jobId, "job_id");
    }

    /** {@code logs.fetch.<pc_id>}: request/reply, answered with the agent's log tail. */
    public static String logsFetch(String pcId) {
        return "logs.fetch." + SubjectToken.require(pcId, "pc_id");
    }

    /** {@code inventory.<pc_id>.hw}. */
    public static String inventoryHw(String pcId) {
        return "inventory." + SubjectToken.require(pcId, "pc_id") + ".hw";
    }

    /** {@code events.started.<job_id>.<pc_id>}. */
    public static String eventsStarted(String jobId, String pcId) {
        return "events.started." + SubjectToken.require(jobId, "job_id") + "." + SubjectToken.require(pcId, "pc_id");
    }

    /** {@code audit.<actor>.<action>[.<target>]}; actor and target are sanitized into single tokens. */
    public static String audit(String actor, String action, String target) {
        String base = "audit." + SubjectToken.sanitize(actor) + "." + SubjectToken.require(action, "action");
        return target == null || target.isEmpty() ? base : base + "." + SubjectToken.sanitize(target);
    }
}
