package kanade.sim.fault;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of the fault table: the counts, the seconds until everything was durable again and the target for them
 * (NaN: no target), and a line of detail. Met when nothing was lost or doubled and the target, if any, was kept.
 */
record FaultResult(String fault, int agents, Tally tally, double recoverSeconds, double targetSeconds, String detail) {

    /** A fault that could not finish a step: counts unknown, never met. */
    static FaultResult aborted(String fault, int agents, String why) {
        return new FaultResult(fault, agents, null, Double.NaN, Double.NaN, "ABORTED: " + why);
    }

    boolean met() {
        return tally != null && tally.lost() == 0 && tally.duplicated() == 0
                && (Double.isNaN(targetSeconds) || recoverSeconds <= targetSeconds);
    }

    Map<String, Object> row() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("fault", fault);
        row.put("agents", agents);
        row.put("expected", tally == null ? "?" : tally.expected());
        row.put("stored", tally == null ? "?" : tally.stored());
        row.put("duplicated", tally == null ? "?" : tally.duplicated());
        row.put("lost", tally == null ? "?" : tally.lost());
        row.put("recover_s", Double.isNaN(recoverSeconds) ? "-" : String.format("%.1f", recoverSeconds));
        row.put("target_s", Double.isNaN(targetSeconds) ? "-" : String.format("<= %.0f", targetSeconds));
        row.put("met", met() ? "yes" : "NO");
        return row;
    }
}
