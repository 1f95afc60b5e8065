package kanade.sim.fault;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import kanade.protocol.time.HumanDuration;
import kanade.sim.bench.BenchReport;
import kanade.testkit.TempDirs;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * {@code kanade-sim fault <name>}: runs a fault against real processes (nats-server, the backend, agents) and prints
 * one row per fault: results expected, stored, duplicated, lost, and the seconds until everything was durable again
 * against the target where there is one. Exits 0 when every row met its target, 1 otherwise.
 */
@CommandLine.Command(name = "fault", mixinStandardHelpOptions = true,
        description = {"Break something under real processes and count what survived: one table row per fault.",
                "Faults: backend-kill, broker-restart, agent-crash, agent-offline, reconnect-storm, poison; all runs"
                        + " every one. Exit code 0 when every row met its target (0 lost, 0 duplicated, in time)."})
public final class FaultCommand implements Callable<Integer> {
    /** Every fault, in the order {@code all} runs them. */
    static final List<Fault> FAULTS = List.of(new BackendKillFault(), new BrokerRestartFault(), new AgentCrashFault(),
            new AgentOfflineFault(), new PoisonFault(), new ReconnectStormFault());
    static final int DEFAULT_FLEET_AGENTS = 2000;

    @CommandLine.Parameters(index = "0", paramLabel = "<name>",
            description = "backend-kill, broker-restart, agent-crash, agent-offline, reconnect-storm, poison or all")
    String name;
    @CommandLine.Option(names = "--agents", description = "agents of the named fault (default: 2000 simulated; "
            + "reconnect-storm 10000; agent-crash 3 processes); with all: those of the simulated-fleet faults")
    Integer agents;
    @CommandLine.Option(names = "--storm-agents", defaultValue = "10000",
            description = "simulated agents of reconnect-storm when run by all (default ${DEFAULT-VALUE})")
    int stormAgents;
    @CommandLine.Option(names = "--agent-processes", defaultValue = "3",
            description = "real agent processes of agent-crash when run by all (default ${DEFAULT-VALUE})")
    int agentProcesses;
    @CommandLine.Option(names = "--offline", defaultValue = "60s",
            description = "how long agent-offline keeps the broker away (default ${DEFAULT-VALUE})")
    String offline;
    @CommandLine.Option(names = "--timeout", defaultValue = "180s",
            description = "longest wait for any one step before the fault gives up (default ${DEFAULT-VALUE})")
    String timeout;
    @CommandLine.Option(names = "--json", defaultValue = "bench-results/fault.json",
            description = "where to write the JSON")
    Path json;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Fault> chosen = chosen();
        quietSimulatedAgents();
        Duration offlineFor = HumanDuration.parse(offline);
        Duration stepTimeout = HumanDuration.parse(timeout);
        BenchReport report = new BenchReport("fault").input("name", name).input("offline_s", offlineFor.toSeconds())
                .input("db", "sqlite");
        boolean allMet = true;
        for (Fault fault : chosen) {
            FaultResult result = runOne(fault, new Fault.Settings(agentsFor(fault, chosen.size() == 1), offlineFor,
                    stepTimeout));
            allMet &= result.met();
            report.row(result.row()).note(result.fault() + ": " + result.detail());
        }
        report.print(System.out);
        report.writeJson(json);
        return allMet ? 0 : 1;
    }

    private List<Fault> chosen() {
        if ("all".equals(name)) {
            return FAULTS;
        }
        Map<String, Fault> byName = new LinkedHashMap<>();
        FAULTS.forEach(f -> byName.put(f.name(), f));
        Fault fault = byName.get(name);
        if (fault == null) {
            List<String> names = new ArrayList<>(byName.keySet());
            names.add("all");
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown fault '" + name + "'; choose one of "
                    + String.join(", ", names));
        }
        return List.of(fault);
    }

    /**
     * Thousands of in-JVM agents each warn about every retry while the broker is away, which is what the faults do:
     * their log shows errors only (the counts say what happened); real agent processes log to their own files.
     */
    private static void quietSimulatedAgents() {
        if (LoggerFactory.getLogger("kanade.agent") instanceof ch.qos.logback.classic.Logger agents) {
            agents.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }

    int agentsFor(Fault fault, boolean single) {
        if (single && agents != null) {
            return agents;
        }
        return switch (fault.scale()) {
            case FLEET -> agents != null ? agents : DEFAULT_FLEET_AGENTS;
            case STORM -> stormAgents;
            case PROCESSES -> agentProcesses;
        };
    }

    private static FaultResult runOne(Fault fault, Fault.Settings settings) throws Exception {
        Progress progress = new Progress(fault.name(), System.err);
        Path work = Files.createTempDirectory("kanade-fault-" + fault.name() + "-");
        try {
            return fault.run(settings, work, progress);
        } catch (Exception e) {
            String why = e instanceof Waits.NotReached ? e.getMessage() : e.toString();
            progress.say("aborted: %s (logs kept in %s)", why, work);
            work = null;
            return FaultResult.aborted(fault.name(), settings.agents(), why);
        } finally {
            if (work != null) {
                TempDirs.deleteQuietly(work);
            }
        }
    }
}
