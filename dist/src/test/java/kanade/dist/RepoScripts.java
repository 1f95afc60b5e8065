package kanade.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the repo's bin/ scripts as an operator would, with a controlled environment. */
final class RepoScripts {
    /** Output and exit code of one script run. */
    record Run(int exitCode, String stdout, String stderr) {
    }

    private RepoScripts() {
    }

    /** The checkout root (set by surefire). */
    static Path root() {
        String root = System.getProperty("kanade.repo.root");
        return Path.of(root == null ? ".." : root).toAbsolutePath().normalize();
    }

    /** Runs {@code bin/<script> args} with java 17 first on PATH, no JAVA_HOME, and no rebuild. */
    static Run run(String script, Map<String, String> extraEnv, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(root().resolve("bin").resolve(script).toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(root().toFile());
        Map<String, String> env = pb.environment();
        env.remove("JAVA_HOME");
        env.remove("KANADE_JAVA");
        env.put("PATH", "/usr/lib/jvm/java-17-openjdk-amd64/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("KANADE_NO_BUILD", "1");
        env.putAll(extraEnv);
        Path out = Files.createTempFile("kanade-script", ".out");
        Path err = Files.createTempFile("kanade-script", ".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = pb.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(script + " did not finish in 120 s");
        }
        Run run = new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return run;
    }
}
