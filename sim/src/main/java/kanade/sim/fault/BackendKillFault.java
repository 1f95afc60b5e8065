package kanade.sim.fault;

import java.nio.file.Path;
import kanade.sim.Fleet;

/**
 * {@code backend-kill}: a fanout to N agents while the backend is paused (SIGSTOP), so every result waits in the
 * RESULTS stream; then the backend runs again and is killed with SIGKILL once a quarter of them is in its database,
 * and started again on the same database. The backend projects in batches of N/20 (10 to 1000), so the kill lands
 * between transactions at any N. Recovery: seconds from that start until every result is durable.
 */
final class BackendKillFault implements Fault {
    @Override
    public String name() {
        return "backend-kill";
    }

    @Override
    public Scale scale() {
        return Scale.FLEET;
    }

    @Override
    public FaultResult run(Settings settings, Path work, Progress progress) throws Exception {
        int agents = settings.agents();
        int batch = Math.clamp(agents / 20, 10, 1000);
        try (FaultBed bed = FaultBed.start(work, progress, batch)) {
            Fleet fleet = bed.startFleet(agents, progress);
            long pid = bed.backend().pid();
            progress.say("backend paused (SIGSTOP); fanout to %d agents", agents);
            Signals.pause(pid);
            String requestId;
            try {
                requestId = bed.sendToAll("echo backend-kill", null);
                Waits.until("every result acked by the broker", settings.timeout(), () -> bed.allTook(requestId)
                        && fleet.agents().stream().allMatch(a -> a.runningJobs() == 0));
                bed.tally(requestId, agents); // opens the database reader now, so the first poll below is quick
            } finally {
                Signals.resume(pid);
            }
            long quarter = Math.max(1, agents / 4);
            Waits.closely(settings.timeout(), () -> bed.backend().distinctPcs(requestId) >= quarter);
            bed.killBackend();
            long atKill = bed.backend().distinctPcs(requestId);
            progress.say("backend killed (SIGKILL) with %d/%d results stored; starting it on the same database",
                    atKill, agents);
            long restart = System.nanoTime();
            bed.startBackend();
            boolean all = bed.awaitStored(requestId, agents, settings.timeout());
            double recover = all ? Progress.seconds(restart) : Double.NaN;
            progress.say(all ? "every result durable %.1f s after the restart" : "gave up after %.0f s",
                    all ? recover : (double) settings.timeout().toSeconds());
            String detail = "killed with " + atKill + "/" + agents + " stored"
                    + (atKill >= agents ? " (ingest was already complete: not mid-ingest)" : " (mid-ingest)")
                    + "; projection batch " + batch + "; recovery counts the backend's start";
            return new FaultResult(name(), agents, bed.tally(requestId, agents), recover, Double.NaN, detail);
        }
    }
}
