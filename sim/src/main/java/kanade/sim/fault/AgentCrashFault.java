package kanade.sim.fault;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * {@code agent-crash}: real agent processes run a job that waits for a go file; the broker is made unable to ack,
 * the go file appears, and once every agent holds its finished result in its outbox (the window between the job's
 * end and the broker's ack) every agent is killed with SIGKILL; then the broker acks again and the agents start
 * again. Two rounds: the broker paused (SIGSTOP: connections open, the publish may sit in its socket buffer and be
 * taken after the pause, the outbox copy is then a duplicate the broker drops), then the broker stopped (SIGTERM:
 * only the outbox can deliver). Recovery: the slower round's seconds from the agents' start until every result is
 * durable (it counts their JVM start).
 */
final class AgentCrashFault implements Fault {
    @Override
    public String name() {
        return "agent-crash";
    }

    @Override
    public Scale scale() {
        return Scale.PROCESSES;
    }

    @Override
    public FaultResult run(Settings settings, Path work, Progress progress) throws Exception {
        int agents = settings.agents();
        try (FaultBed bed = FaultBed.start(work, progress);
             AgentProcessGroup group = startAgents(bed, work, agents, settings, progress)) {
            Round paused = crash(bed, group, work.resolve("marks-paused"), true, settings, progress);
            group.awaitReady(bed.operator(), settings.timeout());
            Round stopped = crash(bed, group, work.resolve("marks-stopped"), false, settings, progress);
            Tally tally = bed.tally(paused.requestId, agents).plus(bed.tally(stopped.requestId, agents));
            double recover = Math.max(paused.recover, stopped.recover);
            String detail = String.format("killed between the job's end and the ack, %d agents x 2 rounds: broker"
                    + " paused %.1f s, broker stopped %.1f s; outboxes %s afterwards; recovery counts the agents' JVM"
                    + " start", agents, paused.recover, stopped.recover,
                    paused.drained && stopped.drained ? "empty" : "NOT EMPTY");
            return new FaultResult(name(), agents, tally, recover, Double.NaN, detail);
        }
    }

    private record Round(String requestId, double recover, boolean drained) {
    }

    private static Round crash(FaultBed bed, AgentProcessGroup group, Path marks, boolean pause, Settings settings,
                               Progress progress) throws Exception {
        int agents = group.size();
        Files.createDirectories(marks);
        Path go = marks.resolve("go");
        String requestId = bed.sendToAll("mktemp " + marks.resolve("started.XXXXXX") + " >/dev/null\n"
                + "while [ ! -e " + go + " ]; do sleep 0.05; done\necho crash-window", null);
        Waits.until("every agent's job started", settings.timeout(), () -> started(marks) >= agents);
        long brokerPid = bed.broker().pid();
        progress.say("jobs running on %d agents; broker %s; letting the jobs finish", agents,
                pause ? "paused (SIGSTOP)" : "stopped (SIGTERM)");
        if (pause) {
            Signals.pause(brokerPid);
        } else {
            bed.broker().stop();
        }
        try {
            Files.createFile(go);
            Waits.until("every finished result written ahead to its outbox", settings.timeout(),
                    () -> IntStream.range(0, agents).allMatch(i -> outboxed(group.outbox(i))));
            group.killAll();
            progress.say("every agent killed (SIGKILL) with its result unacked in its outbox");
        } finally {
            if (pause) {
                Signals.resume(brokerPid);
            } else {
                bed.broker().restart();
            }
        }
        long restart = System.nanoTime();
        group.launch();
        boolean all = bed.awaitStored(requestId, agents, settings.timeout());
        double recover = all ? Progress.seconds(restart) : Double.NaN;
        boolean drained = Waits.within(settings.timeout(),
                () -> IntStream.range(0, agents).noneMatch(i -> outboxed(group.outbox(i))));
        progress.say(all ? "every result durable %.1f s after the agents' start" : "gave up after %.0f s",
                all ? recover : (double) settings.timeout().toSeconds());
        return new Round(requestId, recover, drained);
    }

    private static AgentProcessGroup startAgents(FaultBed bed, Path work, int agents, Settings settings,
                                                 Progress progress) throws Exception {
        progress.say("starting %d agent processes", agents);
        return AgentProcessGroup.start(work.resolve("agents"), "crash", agents, bed.access(), bed.operator(),
                settings.timeout());
    }

    private static long started(Path marks) throws Exception {
        try (Stream<Path> files = Files.list(marks)) {
            return files.filter(f -> f.getFileName().toString().startsWith("started.")).count();
        }
    }

    private static boolean outboxed(Path outbox) {
        try {
            return FaultBed.hasOutboxEntry(outbox);
        } catch (Exception e) {
            return false;
        }
    }
}
