package kanade.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launchers' guard against a stale AOT cache: a JVM started from a cache trained on older jars can run the old
 * classes (it did: the agent kept logging a line its new source no longer had), so a cache older than any jar of the
 * program, its own or a library's, is not used.
 */
class AotCacheGuardTest {
    @TempDir
    Path target;

    @Test
    void aCacheOlderThanAnyJarIsStaleAndANewerOneIsNot() throws Exception {
        Files.createDirectories(target.resolve("lib"));
        Path own = Files.writeString(target.resolve("kanade-agent.jar"), "jar");
        Path library = Files.writeString(target.resolve("lib/kanade-runtime.jar"), "jar");
        Path aot = Files.writeString(target.resolve("kanade-agent.aot"), "aot");
        Instant now = Instant.now();
        times(own, now.minusSeconds(60), library, now.minusSeconds(60), aot, now);
        assertThat(stale()).isFalse();
        times(own, now.minusSeconds(60), library, now.plusSeconds(60), aot, now);
        assertThat(stale()).as("a library jar rebuilt after the cache").isTrue();
        times(own, now.plusSeconds(60), library, now.minusSeconds(60), aot, now);
        assertThat(stale()).as("the program's jar rebuilt after the cache").isTrue();
    }

    private boolean stale() throws Exception {
        Process bash = new ProcessBuilder("bash", "-c", ". \"$1/bin/lib/common.sh\" && jars_newer_than \"$2\" \"$3\"",
                "guard", RepoScripts.root().toString(), target.toString(), target.resolve("kanade-agent.aot").toString())
                .redirectErrorStream(true).start();
        bash.getInputStream().readAllBytes();
        return bash.waitFor() == 0;
    }

    private static void times(Path a, Instant ta, Path b, Instant tb, Path c, Instant tc) throws Exception {
        Files.setLastModifiedTime(a, FileTime.from(ta));
        Files.setLastModifiedTime(b, FileTime.from(tb));
        Files.setLastModifiedTime(c, FileTime.from(tc));
    }
}
