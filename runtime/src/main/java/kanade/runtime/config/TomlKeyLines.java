package kanade.runtime.config;

/**
 * Finds the line of a dotted key ({@code agent.heartbeat_interval}) in TOML text. The TOML parser hands Jackson a
 * tree without positions, so mapping errors get their line from here.
 */
final class TomlKeyLines {
    private TomlKeyLines() {
    }

    /** The 1-based line where {@code dottedKey} is assigned, the line of its table, or -1. */
    static int find(String toml, String dottedKey) {
        if (dottedKey == null || dottedKey.isEmpty()) {
            return -1;
        }
        int lastDot = dottedKey.lastIndexOf('.');
        String table = lastDot < 0 ? "" : dottedKey.substring(0, lastDot);
        String key = lastDot < 0 ? dottedKey : dottedKey.substring(lastDot + 1);
        String current = "";
        int tableLine = -1;
        String[] lines = toml.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.startsWith("[") && line.endsWith("]")) {
                current = line.replace("[", "").replace("]", "").trim();
                if (current.equals(dottedKey)) {
                    return i + 1;
                }
                if (current.equals(table)) {
                    tableLine = i + 1;
                }
                continue;
            }
            if (current.equals(table) && assigns(line, key)) {
                return i + 1;
            }
            if (current.isEmpty() && assigns(line, dottedKey)) {
                return i + 1;
            }
        }
        return tableLine;
    }

    private static boolean assigns(String line, String key) {
        if (!line.startsWith(key)) {
            return false;
        }
        String rest = line.substring(key.length()).trim();
        return rest.startsWith("=");
    }
}
