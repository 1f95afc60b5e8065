package kanade.sim.bench;

import io.nats.client.Connection;
import java.nio.file.Path;
import java.time.Duration;
import kanade.sim.BrokerAccess;
import kanade.sim.FileLimits;
import kanade.sim.Fleet;
import kanade.sim.GroupSplit;
import kanade.testkit.NatsServer;

/**
 * The broker and backend a bench runs against (started as child processes with generated broker role credentials, or
 * attached), and its simulated fleet.
 */
final class BenchInfra implements AutoCloseable {
    private final NatsServer nats;
    private final BrokerAccess broker;
    private final BackendAccess backend;
    private final long brokerPid;

    private BenchInfra(NatsServer nats, BrokerAccess broker, BackendAccess backend) {
        this.nats = nats;
        this.broker = broker;
        this.backend = backend;
        this.brokerPid = nats != null ? nats.pid() : ListeningPid.of(broker.url());
    }

    /** Starts (or attaches to) a broker and, when {@code withBackend}, a backend. */
    static BenchInfra open(Path work, FleetOptions options, boolean withBackend) throws Exception {
        FileLimits.requireRoomFor(options.agents);
        NatsServer nats = null;
        BrokerAccess broker;
        if (options.natsUrl == null) {
            nats = NatsServer.start(work.resolve("nats"), new NatsServer.Limits(512L << 20, 8L << 30));
            broker = BrokerAccess.of(nats);
        } else {
            broker = BrokerAccess.attached(options.natsUrl, System.getenv());
        }
        BackendAccess backend = null;
        if (withBackend) {
            backend = options.backendUrl != null ? new RemoteBackend(options.backendUrl)
                    : BackendProcess.start(work.resolve("backend"), broker, 0.2);
        }
        return new BenchInfra(nats, broker, backend);
    }

    BackendAccess backend() {
        return backend;
    }

    /**
     * CPU readings of the broker and backend: the ones this bench started, or attached ones that listen on this
     * machine (found by port); the others read as NaN ("n/a (remote)").
     */
    CpuProbe cpu() {
        return new CpuProbe(brokerPid, backend == null ? -1 : backend.pid());
    }

    /** The broker's pid, or -1 when it runs elsewhere. */
    long brokerPid() {
        return brokerPid;
    }

    /** Starts {@code agents} simulated agents (instant scripts, no failures) with the agent credential. */
    Fleet startFleet(int agents, Duration heartbeat, GroupSplit groups, Duration scriptTime, int connectParallelism)
            throws Exception {
        return Fleet.start(new Fleet.Spec(agents, broker.url(), broker.agent(), groups, 0.0, scriptTime, heartbeat,
                false, Fleet.defaultDataRoot(), connectParallelism));
    }

    /** An operator connection to the broker, as the backend role. */
    Connection connect() throws Exception {
        return broker.connectOperator("kanade-sim operator");
    }

    @Override
    public void close() {
        if (backend != null) {
            backend.close();
        }
        if (nats != null) {
            nats.close();
        }
    }
}
