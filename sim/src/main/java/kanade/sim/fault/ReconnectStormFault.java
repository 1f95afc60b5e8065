package kanade.sim.fault;

import io.nats.client.Connection;
import java.nio.file.Path;
import kanade.sim.Fleet;

/**
 * {@code reconnect-storm}: N simulated agents (10,000 by default) answer a warm-up fanout; nats-server gets SIGTERM
 * and starts again on the same store, and every client reconnects at once (the agents with jittered waits). Measures
 * the seconds from the broker's return until every agent is connected and subscribed again (the broker's /varz
 * counts at least what they were before), then sends a new fanout: recovery is the seconds from the broker's return
 * until all of its results are durable.
 */
final class ReconnectStormFault implements Fault {
    static final double TARGET_SECONDS = 30;

    @Override
    public String name() {
        return "reconnect-storm";
    }

    @Override
    public Scale scale() {
        return Scale.STORM;
    }

    @Override
    public FaultResult run(Settings settings, Path work, Progress progress) throws Exception {
        int agents = settings.agents();
        try (FaultBed bed = FaultBed.start(work, progress)) {
            Fleet fleet = bed.startFleet(agents, progress);
            long warmStart = System.nanoTime();
            String warmUp = bed.sendToAll("echo warm-up", null);
            if (!bed.awaitStored(warmUp, agents, settings.timeout())) {
                throw new Waits.NotReached("the warm-up fanout was not durable within " + settings.timeout().toSeconds()
                        + " s");
            }
            double warmSeconds = Progress.seconds(warmStart);
            String monitor = bed.broker().monitorUrl();
            BrokerVarz before = BrokerVarz.read(monitor);
            progress.say("warm-up fanout durable in %.1f s; broker has %d connections, %d subscriptions; SIGTERM",
                    warmSeconds, before.connections(), before.subscriptions());
            bed.broker().stop();
            bed.broker().restart();
            long back = System.nanoTime();
            progress.say("nats-server back; waiting for %d agents to reconnect", agents);
            long[] lastSay = {System.nanoTime()};
            Waits.until("every agent reconnected and subscribed", settings.timeout(), () -> {
                long connected = fleet.agents().stream()
                        .filter(a -> a.connection().getStatus() == Connection.Status.CONNECTED).count();
                if (Progress.seconds(lastSay[0]) >= 2) {
                    lastSay[0] = System.nanoTime();
                    progress.say("%d/%d agents connected", connected, agents);
                }
                return connected == agents && BrokerVarz.read(monitor).covers(before);
            });
            double reconnected = Progress.seconds(back);
            progress.say("all %d agents back after %.1f s; fanout to all", agents, reconnected);
            String requestId = bed.sendToAll("echo reconnect-storm", null);
            boolean all = bed.awaitStored(requestId, agents, settings.timeout());
            double recover = all ? Progress.seconds(back) : Double.NaN;
            progress.say(all ? "the fanout was durable %.1f s after the broker's return" : "gave up after %.0f s",
                    all ? recover : (double) settings.timeout().toSeconds());
            String detail = String.format("all %d reconnected %.1f s after the broker's return; warm-up fanout %.1f s",
                    agents, reconnected, warmSeconds);
            return new FaultResult(name(), agents, bed.tally(requestId, agents), recover, TARGET_SECONDS, detail);
        }
    }
}
