package kanade.sim;

import java.util.ArrayList;
import java.util.List;
import kanade.protocol.subject.SubjectToken;

/** Parses {@code --groups canary:5%,wave1:95%} and assigns each agent index to one group. */
public record GroupSplit(List<Share> shares) {
    /** One group and its percentage of the fleet. */
    public record Share(String group, double percent) {
    }

    /** Parses the option; percentages must add up to at most 100. */
    public static GroupSplit parse(String spec) {
        List<Share> shares = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return new GroupSplit(shares);
        }
        double total = 0;
        for (String part : spec.split(",")) {
            String[] kv = part.trim().split(":");
            if (kv.length != 2 || !kv[1].endsWith("%")) {
                throw new IllegalArgumentException("--groups: '" + part + "' must look like name:5%");
            }
            double percent = Double.parseDouble(kv[1].substring(0, kv[1].length() - 1));
            total += percent;
            shares.add(new Share(SubjectToken.require(kv[0], "group"), percent));
        }
        if (total > 100.0001) {
            throw new IllegalArgumentException("--groups: percentages add up to " + total + " (max 100)");
        }
        return new GroupSplit(shares);
    }

    /** The groups of agent {@code index} (0-based) in a fleet of {@code size}. */
    public List<String> groupsOf(int index, int size) {
        double position = (index + 0.5) * 100.0 / size;
        double upTo = 0;
        for (Share share : shares) {
            upTo += share.percent();
            if (position < upTo) {
                return List.of(share.group());
            }
        }
        return List.of();
    }
}
