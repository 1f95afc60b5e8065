package kanade.sim.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kanade.protocol.wire.Json;

/** One benchmark's output: inputs, the machine, a table of rows; printed as text and written as JSON. */
public final class BenchReport {
    private final String name;
    private final Map<String, Object> inputs = new LinkedHashMap<>();
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public BenchReport(String name) {
        this.name = name;
    }

    public BenchReport input(String key, Object value) {
        inputs.put(key, value);
        return this;
    }

    public BenchReport row(Map<String, Object> row) {
        rows.add(new LinkedHashMap<>(row));
        return this;
    }

    public BenchReport note(String note) {
        notes.add(note);
        return this;
    }

    /** Prints the table: a header line with the inputs, then one aligned line per row. */
    public void print(PrintStream out) {
        StringBuilder head = new StringBuilder(name);
        inputs.forEach((k, v) -> head.append(' ').append(k).append('=').append(v));
        out.println(head);
        out.println(Machine.describe());
        if (!rows.isEmpty()) {
            List<String> columns = new ArrayList<>(rows.get(0).keySet());
            Map<String, Integer> widths = new LinkedHashMap<>();
            for (String c : columns) {
                int w = c.length();
                for (Map<String, Object> r : rows) {
                    w = Math.max(w, String.valueOf(r.get(c)).length());
                }
                widths.put(c, w);
            }
            StringBuilder header = new StringBuilder();
            columns.forEach(c -> header.append(String.format("%-" + widths.get(c) + "s  ", c)));
            out.println(header.toString().stripTrailing());
            for (Map<String, Object> r : rows) {
                StringBuilder line = new StringBuilder();
                columns.forEach(c -> line.append(String.format("%-" + widths.get(c) + "s  ", r.get(c))));
                out.println(line.toString().stripTrailing());
            }
        }
        notes.forEach(n -> out.println("note: " + n));
    }

    /** Writes the same as JSON to {@code file}. */
    public void writeJson(Path file) {
        ObjectNode doc = Json.mapper().createObjectNode();
        doc.put("bench", name);
        doc.put("at", Instant.now().toString());
        doc.set("inputs", Json.mapper().valueToTree(inputs));
        doc.set("machine", Json.mapper().valueToTree(Machine.facts()));
        ArrayNode array = doc.putArray("rows");
        rows.forEach(r -> array.add(Json.mapper().valueToTree(r)));
        doc.set("notes", Json.mapper().valueToTree(notes));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
