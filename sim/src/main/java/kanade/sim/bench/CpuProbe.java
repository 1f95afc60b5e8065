package kanade.sim.bench;

/**
 * Reads CPU seconds of the simulator, the broker and the backend, to attribute a timed phase's CPU to each. A pid of
 * -1 (a process elsewhere, or one whose pid could not be found) reads as NaN, printed as {@code n/a (remote)}.
 */
record CpuProbe(long brokerPid, long backendPid) {

    /** A reading of all three processes now. */
    Snapshot snapshot() {
        return new Snapshot(ProcStats.self(), read(brokerPid), read(backendPid));
    }

    private static ProcStats.Reading read(long pid) {
        return pid < 0 ? null : ProcStats.read(pid);
    }

    /** CPU readings at one instant (null: not readable). */
    record Snapshot(ProcStats.Reading sim, ProcStats.Reading broker, ProcStats.Reading backend) {
        /** CPU used since {@code start}. */
        PhaseResult.CpuUse since(Snapshot start) {
            return new PhaseResult.CpuUse(sim.cpuSince(start.sim), since(broker, start.broker),
                    since(backend, start.backend));
        }

        private static double since(ProcStats.Reading now, ProcStats.Reading earlier) {
            return now == null || earlier == null ? Double.NaN : now.cpuSince(earlier);
        }
    }
}
