package kanade.sim.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The measured rounds of one pipeline: its median round (the reported row) and its best round (a second column). */
final class RoundSeries {
    private final List<PhaseResult> rounds = new ArrayList<>();

    void add(PhaseResult round) {
        rounds.add(round);
    }

    /** The round with the median time (the lower middle one for an even count). */
    PhaseResult median() {
        List<PhaseResult> sorted = sorted();
        return sorted.get((sorted.size() - 1) / 2);
    }

    /** The fastest round. */
    PhaseResult best() {
        return sorted().get(0);
    }

    /** The median round's row, with the best time and the number of rounds beside it. */
    Map<String, Object> row() {
        Map<String, Object> row = new LinkedHashMap<>();
        median().row().forEach((column, value) -> {
            if (column.equals("seconds")) {
                row.put("median_s", value);
                row.put("best_s", String.format("%.3f", best().seconds()));
                row.put("rounds", rounds.size());
            } else {
                row.put(column, value);
            }
        });
        return row;
    }

    private List<PhaseResult> sorted() {
        if (rounds.isEmpty()) {
            throw new IllegalStateException("no rounds measured");
        }
        return rounds.stream().sorted(Comparator.comparingDouble(PhaseResult::seconds)).toList();
    }
}
