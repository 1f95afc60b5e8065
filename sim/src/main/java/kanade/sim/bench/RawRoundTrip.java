package kanade.sim.bench;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kanade.protocol.broker.BrokerRole;

/**
 * Baseline (a), no Kanade code: one plain publish to every connection, each replies on a core inbox; time until every
 * reply arrived. Uses the simulated agents' own NATS connections, so the broker sees the same fleet with the same
 * credential: the agent role subscribes to nothing of its own outside Kanade's subjects but its inbox prefix, so the
 * go signal is published there, and the replies go out as responses ({@code allow_responses}).
 */
final class RawRoundTrip {
    private static final String SUBJECT = BrokerRole.AGENT.inboxPrefix() + ".bench.raw.go";

    private RawRoundTrip() {
    }

    static PhaseResult run(Connection operator, List<Connection> fleet, Duration timeout, CpuProbe cpu) throws Exception {
        byte[] reply = new byte[1024];
        List<Dispatcher> dispatchers = new ArrayList<>(fleet.size());
        for (Connection nc : fleet) {
            Dispatcher d = nc.createDispatcher(msg -> nc.publish(msg.getReplyTo(), reply));
            d.subscribe(SUBJECT);
            dispatchers.add(d);
        }
        for (Connection nc : fleet) {
            nc.flush(Duration.ofSeconds(10));
        }
        String inbox = operator.createInbox();
        Subscription replies = operator.subscribe(inbox);
        operator.flush(Duration.ofSeconds(5));
        long[] latencies = new long[fleet.size()];
        int received = 0;
        CpuProbe.Snapshot cpuStart = cpu.snapshot();
        long start = System.nanoTime();
        operator.publish(SUBJECT, inbox, new byte[0]);
        long deadline = start + timeout.toNanos();
        while (received < fleet.size() && System.nanoTime() < deadline) {
            Message m = replies.nextMessage(Duration.ofMillis(200));
            if (m != null) {
                latencies[received++] = (System.nanoTime() - start) / 1_000_000;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        PhaseResult.CpuUse used = cpu.snapshot().since(cpuStart);
        replies.unsubscribe();
        for (int i = 0; i < fleet.size(); i++) {
            fleet.get(i).closeDispatcher(dispatchers.get(i));
        }
        return new PhaseResult("raw round trip (a)", fleet.size(), received, seconds,
                Percentiles.of(java.util.Arrays.copyOf(latencies, received)), used);
    }
}
