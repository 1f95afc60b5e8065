package kanade.protocol.time;

import java.time.Duration;
import java.util.Locale;

/** Parses and prints humantime-style durations as kanade writes them: {@code 30s}, {@code 10m}, {@code 1h30m}, {@code 500ms}. */
public final class HumanDuration {
    private HumanDuration() {
    }

    /** Parses {@code text}; a bare number means seconds. Fails with a message that shows valid examples. */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty duration; use e.g. 30s, 10m, 1h30m");
        }
        String s = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        if (s.chars().allMatch(Character::isDigit)) {
            return Duration.ofSeconds(Long.parseLong(s));
        }
        Duration total = Duration.ZERO;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (start == i) {
                throw invalid(text);
            }
            long amount = Long.parseLong(s.substring(start, i));
            int unitStart = i;
            while (i < s.length() && Character.isLetter(s.charAt(i))) {
                i++;
            }
            total = total.plus(unit(s.substring(unitStart, i), amount, text));
        }
        return total;
    }

    /** Prints {@code d} in the shortest humantime form, for example {@code 1h30m} or {@code 250ms}. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        long seconds = d.toSecondsPart();
        long millis = d.toMillisPart();
        if (days > 0) {
            out.append(days).append('d');
        }
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (minutes > 0) {
            out.append(minutes).append('m');
        }
        if (seconds > 0) {
            out.append(seconds).append('s');
        }
        if (millis > 0) {
            out.append(millis).append("ms");
        }
        return out.toString();
    }

    private static Duration unit(String unit, long amount, String text) {
        return switch (unit) {
            case "ms", "msec", "millis" -> Duration.ofMillis(amount);
            case "s", "sec", "secs", "second", "seconds" -> Duration.ofSeconds(amount);
            case "m", "min", "mins", "minute", "minutes" -> Duration.ofMinutes(amount);
            case "h", "hr", "hrs", "hour", "hours" -> Duration.ofHours(amount);
            case "d", "day", "days" -> Duration.ofDays(amount);
            case "w", "week", "weeks" -> Duration.ofDays(7 * amount);
            default -> throw invalid(text);
        };
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("invalid duration '" + text + "'; use e.g. 500ms, 30s, 10m, 1h30m, 7d");
    }
}
