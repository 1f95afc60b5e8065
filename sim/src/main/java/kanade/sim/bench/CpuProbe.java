package kanade.sim.bench;

/** Reads CPU seconds of the simulator, the broker and the backend, to attribute a timed phase's CPU to each. */
record CpuProbe(long brokerPid, long backendPid) {

    /** A reading of all three processes now. */
    Snapshot snapshot() {
        return new Snapshot(ProcStats.self(), ProcStats.read(brokerPid), ProcStats.read(backendPid));
    }

    /** CPU readings at one instant. */
    record Snapshot(ProcStats.Reading sim, ProcStats.Reading broker, ProcStats.Reading backend) {
        /** CPU used since {@code start}. */
        PhaseResult.CpuUse since(Snapshot start) {
            return new PhaseResult.CpuUse(sim.cpuSince(start.sim), broker.cpuSince(start.broker),
                    backend.cpuSince(start.backend));
        }
    }
}
