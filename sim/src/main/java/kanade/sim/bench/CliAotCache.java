package kanade.sim.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * The kanade CLI's AOT cache ({@code cli/target/kanade-cli.aot}, JDK 25+), which bin/kanade uses when it is newer
 * than the CLI jar. Trained by one real {@code kanade run <pc> -- true} (which pings first, so it covers the ping
 * path too) with {@code KANADE_CLI_AOT_OUTPUT}; written to a temporary file and moved into place, so concurrent
 * builds never leave a half-written cache.
 */
final class CliAotCache {
    private CliAotCache() {
    }

    /** Where bin/kanade looks for the cache. */
    static Path file() {
        return KanadeHome.root().resolve("cli").resolve("target").resolve("kanade-cli.aot");
    }

    /** Whether bin/kanade would pass the cache to the JVM (present and newer than the CLI jar). */
    static boolean usable() throws IOException {
        Path aot = file();
        Path jar = aot.resolveSibling("kanade-cli.jar");
        return Files.isRegularFile(aot) && Files.isRegularFile(jar)
                && Files.getLastModifiedTime(aot).compareTo(Files.getLastModifiedTime(jar)) > 0;
    }

    /** Trains the cache from one real run against {@code fixture}; false (cache unchanged) when that failed. */
    static boolean train(CliFixture fixture) throws IOException, InterruptedException {
        Path target = file();
        Path temp = Files.createTempFile(target.getParent(), "kanade-cli-", ".aot.tmp");
        Files.delete(temp); // the JVM creates it (and its .config beside it)
        try {
            CliFixture.Timed run = fixture.kanade(CliFixture.runTrue(),
                    Map.of("KANADE_CLI_AOT_OUTPUT", temp.toString(), "KANADE_NO_BUILD", "1"));
            if (run.exit() != 0 || !Files.isRegularFile(temp) || Files.size(temp) == 0) {
                System.err.printf("CLI AOT training failed (exit %d):%n%s%n", run.exit(),
                        Files.isRegularFile(fixture.log()) ? Files.readString(fixture.log()) : "(no output)");
                return false;
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            System.err.printf("wrote %s (%d MiB) in %.1f s%n", target, Files.size(target) >> 20, run.seconds());
            return true;
        } finally {
            Files.deleteIfExists(temp);
            Files.deleteIfExists(Path.of(temp + ".config"));
        }
    }
}
