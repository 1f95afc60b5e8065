package kanade.sim.fault;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code agent-offline}: every agent takes a fanout whose script is held at its end; nats-server gets SIGTERM, the
 * scripts are released, every result is written ahead to its agent's outbox while the broker is away; after
 * {@code --offline} the broker starts again on the same store. Recovery: seconds from its return until every result
 * is durable.
 */
final class AgentOfflineFault implements Fault {
    static final double TARGET_SECONDS = 30;

    @Override
    public String name() {
        return "agent-offline";
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
            bed.hold().engage();
            String requestId = bed.sendToAll("echo agent-offline", null);
            Waits.until("every agent took the command", settings.timeout(), () -> bed.allTook(requestId));
            progress.say("every agent runs the job; SIGTERM to nats-server for %d s", settings.offline().toSeconds());
            long down = System.nanoTime();
            bed.broker().stop();
            bed.hold().release();
            Waits.until("every result written ahead to its outbox", settings.timeout(),
                    () -> bed.agentsWithOutboxEntry() >= agents);
            progress.say("all %d jobs finished while the broker is away; their results wait in the outboxes", agents);
            long left = settings.offline().toNanos() - (System.nanoTime() - down);
            if (left > 0) {
                Thread.sleep(Duration.ofNanos(left)); // the outage this fault is about, not a wait for a condition
            }
            bed.broker().restart();
            double away = Progress.seconds(down);
            long back = System.nanoTime();
            progress.say("nats-server back after %.1f s", away);
            boolean all = bed.awaitStored(requestId, agents, settings.timeout());
            double recover = all ? Progress.seconds(back) : Double.NaN;
            progress.say(all ? "every result durable %.1f s after the broker's return" : "gave up after %.0f s",
                    all ? recover : (double) settings.timeout().toSeconds());
            String detail = String.format("broker away %.1f s; all %d results were in outboxes meanwhile", away,
                    agents);
            return new FaultResult(name(), agents, bed.tally(requestId, agents), recover, TARGET_SECONDS, detail);
        }
    }
}
