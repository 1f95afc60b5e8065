package kanade.sim.fault;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code poison}: bad commands and oversized output mixed into fanouts, sent to N simulated agents and
 * {@value #REAL_AGENTS} real agent processes (real shells, the default output cap): every well-formed command gets
 * exactly one result from every agent; a malformed one gets an error result from every agent, or none from any when
 * it cannot be answered; the last normal fanout still reaches every agent (no agent thread died).
 */
final class PoisonFault implements Fault {
    static final int REAL_AGENTS = 2;

    @Override
    public String name() {
        return "poison";
    }

    @Override
    public Scale scale() {
        return Scale.FLEET;
    }

    @Override
    public FaultResult run(Settings settings, Path work, Progress progress) throws Exception {
        int simulated = settings.agents();
        int agents = simulated + REAL_AGENTS;
        try (FaultBed bed = FaultBed.start(work, progress);
             AgentProcessGroup real = AgentProcessGroup.start(work.resolve("agents"), "poison", REAL_AGENTS,
                     bed.access(), bed.operator(), settings.timeout())) {
            bed.startFleet(simulated, progress);
            List<Poison> mix = Poison.mix();
            progress.say("sending %d commands (%d malformed or oversized) to %d agents", mix.size(),
                    mix.size() - 2, agents);
            for (Poison poison : mix) {
                bed.publishToAll(poison.payload());
            }
            for (Poison poison : mix) {
                if (poison.expect() == Poison.Expect.ONE_EACH) {
                    Waits.until("every agent's result for '" + poison.name() + "'", settings.timeout(),
                            () -> bed.backend().distinctPcs(poison.requestId()) >= agents);
                }
            }
            for (Poison poison : mix) {
                if (poison.expect() == Poison.Expect.ONE_EACH_OR_NONE
                        && bed.backend().distinctPcs(poison.requestId()) > 0) {
                    Waits.within(settings.timeout(), () -> bed.backend().distinctPcs(poison.requestId()) >= agents);
                }
            }
            Tally tally = Tally.NONE;
            List<String> answered = new ArrayList<>();
            List<String> dropped = new ArrayList<>();
            for (Poison poison : mix) {
                Tally one = count(bed, poison, agents);
                tally = tally.plus(one);
                if (poison.expect() != Poison.Expect.ONE_EACH) {
                    (one.stored() > 0 ? answered : dropped).add(poison.name());
                }
            }
            progress.say("every well-formed command answered once by every agent");
            long truncated = 0;
            for (Poison poison : mix) {
                if (poison.name().startsWith("10 MiB")) {
                    truncated += bed.backend().truncatedCount(poison.requestId());
                }
            }
            String detail = "answered with an error: " + listed(answered) + "; dropped with a log line: "
                    + listed(dropped) + "; 10 MiB outputs stored cut and flagged truncated: " + truncated + " of "
                    + 2 * REAL_AGENTS + " from the real agents";
            return new FaultResult(name(), agents, tally, Double.NaN, Double.NaN, detail);
        }
    }

    private static String listed(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static Tally count(FaultBed bed, Poison poison, int agents) throws Exception {
        if (poison.requestId() == null) {
            return Tally.NONE;
        }
        long rows = bed.backend().resultCount(poison.requestId());
        long distinct = bed.backend().distinctPcs(poison.requestId());
        long expected = switch (poison.expect()) {
            case ONE_EACH -> agents;
            case NONE -> 0;
            case ONE_EACH_OR_NONE -> distinct == 0 ? 0 : agents;
        };
        // a result that must not exist counts as a duplicate: the agent answered what it could not have
        return poison.expect() == Poison.Expect.NONE ? new Tally(0, distinct, rows, 0)
                : Tally.of(expected, rows, distinct);
    }
}
