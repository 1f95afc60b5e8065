package kanade.sim.bench;

import io.nats.client.Connection;
import io.nats.client.Nats;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import kanade.runtime.config.OsFamily;
import kanade.runtime.nats.NatsConnect;
import kanade.runtime.secret.Secret;
import kanade.runtime.secret.SecretName;
import kanade.runtime.secret.SecretSource;
import kanade.sim.FileLimits;
import kanade.sim.Fleet;
import kanade.sim.GroupSplit;
import kanade.testkit.NatsServer;

/** The broker and backend a bench runs against (started as child processes, or attached), and its simulated fleet. */
final class BenchInfra implements AutoCloseable {
    private final NatsServer nats;
    private final String natsUrl;
    private final Secret token;
    private final BackendAccess backend;
    private final long brokerPid;

    private BenchInfra(NatsServer nats, String natsUrl, Secret token, BackendAccess backend) {
        this.nats = nats;
        this.natsUrl = natsUrl;
        this.token = token;
        this.backend = backend;
        this.brokerPid = nats != null ? nats.pid() : ListeningPid.of(natsUrl);
    }

    /** Starts (or attaches to) a broker and, when {@code withBackend}, a backend. */
    static BenchInfra open(Path work, FleetOptions options, boolean withBackend) throws Exception {
        FileLimits.requireRoomFor(options.agents);
        NatsServer nats = null;
        String url = options.natsUrl;
        Secret token = null;
        if (url == null) {
            nats = NatsServer.start(work.resolve("nats"), new NatsServer.Limits(512L << 20, 8L << 30), null, List.of());
            url = nats.url();
        } else {
            token = SecretSource.forPlatform(OsFamily.current(), System.getenv()).lookup(SecretName.AGENT_NATS_TOKEN)
                    .orElse(null);
        }
        BackendAccess backend = null;
        if (withBackend) {
            backend = options.backendUrl != null ? new RemoteBackend(options.backendUrl)
                    : BackendProcess.start(work.resolve("backend"), url, 0.2);
        }
        return new BenchInfra(nats, url, token, backend);
    }

    String natsUrl() {
        return natsUrl;
    }

    /** The NATS token for agents and the operator connection (attached brokers only). */
    Secret token() {
        return token;
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

    /** Starts {@code agents} simulated agents (instant scripts, no failures) against this broker. */
    Fleet startFleet(int agents, Duration heartbeat, GroupSplit groups, Duration scriptTime, int connectParallelism)
            throws Exception {
        return Fleet.start(new Fleet.Spec(agents, natsUrl, token, groups, 0.0, scriptTime, heartbeat, false,
                Fleet.defaultDataRoot(), connectParallelism));
    }

    /** An operator connection to the broker. */
    Connection connect() throws Exception {
        return Nats.connect(NatsConnect.baseOptions(natsUrl, token, "kanade-sim operator").build());
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
