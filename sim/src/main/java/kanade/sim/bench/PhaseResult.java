package kanade.sim.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** One measured pipeline run: how long until all N were done, per-agent latency percentiles, and the count. */
public record PhaseResult(String pipeline, int expected, long completed, double seconds, Percentiles latency,
                          CpuUse cpu) {

    /** What a CPU column shows for a process whose CPU could not be read (it runs elsewhere). */
    public static final String NOT_MEASURED = "n/a (remote)";

    /** CPU seconds each process spent during the phase; NaN when it could not be read. */
    public record CpuUse(double simulator, double broker, double backend) {
    }

    /** Seconds with two decimals, or {@link #NOT_MEASURED} for NaN. */
    public static String cpuText(double seconds) {
        return Double.isNaN(seconds) ? NOT_MEASURED : String.format("%.2f", seconds);
    }

    /** Completions per second. */
    public long rate() {
        return Math.round(completed / Math.max(seconds, 1e-9));
    }

    /** As a table row. */
    public Map<String, Object> row() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("pipeline", pipeline);
        row.put("agents", expected);
        row.put("done", completed);
        row.put("seconds", String.format("%.3f", seconds));
        row.put("p50_ms", latency.p50());
        row.put("p95_ms", latency.p95());
        row.put("p99_ms", latency.p99());
        row.put("rate_per_s", rate());
        if (cpu != null) {
            row.put("sim_cpu_s", cpuText(cpu.simulator()));
            row.put("broker_cpu_s", cpuText(cpu.broker()));
            row.put("backend_cpu_s", cpuText(cpu.backend()));
        }
        return row;
    }
}
