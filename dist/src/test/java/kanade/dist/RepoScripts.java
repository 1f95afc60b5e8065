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

    /**
     * Runs {@code bin/<script> args} with no JAVA_HOME, no rebuild and, when this machine has one, a JDK older than 21
     * first on PATH (the launchers must find a JDK >= 21 by themselves, as on a stock Debian with java 17).
     */
    static Run run(String script, Map<String, String> extraEnv, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(root().resolve("bin").resolve(script).toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(root().toFile());
        Map<String, String> env = pb.environment();
        env.remove("JAVA_HOME");
        env.remove("KANADE_JAVA");
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("PATH", olderJdkBin().map(bin -> bin + ":" + path).orElse(path));
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

    /** The bin directory of an installed JDK older than 21, if any (read from each JDK's {@code release} file). */
    static java.util.Optional<Path> olderJdkBin() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return java.util.Optional.empty();
        }
        try (var dirs = Files.list(jvms)) {
            return dirs.sorted().filter(dir -> Files.isExecutable(dir.resolve("bin/java")))
                    .filter(dir -> majorVersion(dir.resolve("release")) < 21).map(dir -> dir.resolve("bin")).findFirst();
        }
    }

    private static int majorVersion(Path releaseFile) {
        try {
            for (String line : Files.readAllLines(releaseFile)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    String major = version.startsWith("1.") ? version.substring(2) : version;
                    return Integer.parseInt(major.split("[.+-]")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return Integer.MAX_VALUE;
        }
        return Integer.MAX_VALUE;
    }
}
