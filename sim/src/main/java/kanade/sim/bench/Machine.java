package kanade.sim.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the benchmark ran on: cores, load average, memory, JVM; printed beside every table. */
public final class Machine {
    private Machine() {
    }

    /** A one-line description. */
    public static String describe() {
        Map<String, Object> facts = facts();
        return "machine cores=" + facts.get("cores") + " load=" + facts.get("load_avg") + " mem=" + facts.get("mem_total")
                + " java=" + facts.get("java");
    }

    /** The facts as a map (for JSON). */
    public static Map<String, Object> facts() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cores", Runtime.getRuntime().availableProcessors());
        out.put("load_avg", read("/proc/loadavg").split(" ").length >= 3
                ? String.join(" ", java.util.Arrays.copyOf(read("/proc/loadavg").split(" "), 3)) : "?");
        out.put("mem_total", read("/proc/meminfo").lines().filter(l -> l.startsWith("MemTotal"))
                .map(l -> l.replaceAll("\\s+", " ").substring("MemTotal: ".length())).findFirst().orElse("?"));
        out.put("java", Runtime.version().toString());
        return out;
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file)).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}
