package kanade.sim.fault;

import java.nio.file.Path;

/**
 * {@code broker-restart}: a fanout to N agents with a jitter of {@value #JITTER_SECS} s, so results trickle in;
 * once a tenth of them is in the database nats-server gets SIGTERM and is started again on the same port and store.
 * Some results are projected by then, some wait in the stream, most are not published yet. Recovery: seconds from
 * the broker's return until every result is durable (it includes what is left of the jitter).
 */
final class BrokerRestartFault implements Fault {
    static final long JITTER_SECS = 2;
    static final double TARGET_SECONDS = 30;

    @Override
    public String name() {
        return "broker-restart";
    }

    @Override
    public Scale scale() {
        return Scale.FLEET;
    }

    @Override
    public FaultResult run(Settings settings, Path work, Progress progress) throws Exception {
        int agents = settings.agents();
        try (FaultBed bed = FaultBed.start(work, progress)) {
            bed.startFleet(agents, progress);
            progress.say("fanout to %d agents (jitter %d s)", agents, JITTER_SECS);
            String requestId = bed.sendToAll("echo broker-restart", JITTER_SECS);
            Waits.until("every agent took the command", settings.timeout(), () -> bed.allTook(requestId));
            long tenth = Math.max(1, agents / 10);
            Waits.until(tenth + " results stored", settings.timeout(),
                    () -> bed.backend().distinctPcs(requestId) >= tenth);
            long atStop = bed.backend().distinctPcs(requestId);
            progress.say("SIGTERM to nats-server with %d/%d results stored", atStop, agents);
            long down = System.nanoTime();
            bed.broker().stop();
            bed.broker().restart();
            double away = Progress.seconds(down);
            long back = System.nanoTime();
            progress.say("nats-server back after %.1f s on the same store", away);
            boolean all = bed.awaitStored(requestId, agents, settings.timeout());
            double recover = all ? Progress.seconds(back) : Double.NaN;
            progress.say(all ? "every result durable %.1f s after the broker's return" : "gave up after %.0f s",
                    all ? recover : (double) settings.timeout().toSeconds());
            String detail = String.format("SIGTERM with %d/%d stored; broker away %.1f s", atStop, agents, away);
            return new FaultResult(name(), agents, bed.tally(requestId, agents), recover, TARGET_SECONDS, detail);
        }
    }
}
