package kanade.sim.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** The Kanade checkout the simulator runs from (for bin/ launchers): {@code -Dkanade.home}, else the test's repo root. */
final class KanadeHome {
    private KanadeHome() {
    }

    static Path root() {
        for (String property : new String[] {"kanade.home", "kanade.repo.root"}) {
            String value = System.getProperty(property);
            if (value != null && Files.isDirectory(Path.of(value, "bin"))) {
                return Path.of(value).toAbsolutePath();
            }
        }
        throw new IllegalStateException("cannot find the Kanade checkout; run through bin/kanade-sim (sets -Dkanade.home)");
    }

    static Path launcher(String name) {
        return root().resolve("bin").resolve(name);
    }
}
