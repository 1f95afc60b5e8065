package kanade.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.nats.client.Nats;
import io.nats.client.Options;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kanade.runtime.config.SystemFacts;
import kanade.testkit.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevUpTest {
    @TempDir
    Path data;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final StringBuilder upOutput = new StringBuilder();

    @Test
    void upStartsEverythingWithAuthRunWorksNoSecretLeaksAndSigintThenSigtermLeavesNothingBehind() throws Exception {
        int natsPort = FreePorts.next();
        int httpPort = FreePorts.next();
        ProcessBuilder pb = new ProcessBuilder(RepoScripts.root().resolve("bin/kanade-dev").toString(), "up",
                "--nats-port", String.valueOf(natsPort), "--http-port", String.valueOf(httpPort), "--data", data.toString())
                .directory(RepoScripts.root().toFile()).redirectErrorStream(true);
        pb.environment().put("KANADE_NO_BUILD", "1");
        Instant started = Instant.now();
        Process up = pb.start();
        List<ProcessHandle> children;
        try {
            String url = readUntilUp(up);
            System.out.println("kanade-dev up ready after " + Duration.between(started, Instant.now()).toMillis() + " ms");
            assertThat(url).isEqualTo("http://127.0.0.1:" + httpPort + "/");
            children = up.descendants().toList();
            assertThat(children).hasSizeGreaterThanOrEqualTo(3);

            String host = SystemFacts.detect(System.getenv()).host();
            assertThat(Files.getPosixFilePermissions(data.resolve("dev.env")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.getPosixFilePermissions(data.resolve("secrets")))
                    .isEqualTo(PosixFilePermissions.fromString("rwx------"));
            Map<String, String> devEnv = UpSecrets.envFile(data.resolve("dev.env"));
            RepoScripts.Run run = RepoScripts.run("kanade", devEnv, "run", host, "--", "echo", "hello from up");
            assertThat(run.exitCode()).as(run.stderr()).isZero();
            assertThat(run.stdout()).isEqualTo("hello from up\n");
            assertThatThrownBy(() -> Nats.connect(Options.builder().server("nats://127.0.0.1:" + natsPort)
                    .maxReconnects(0).build())).as("a client without credentials").isInstanceOf(Exception.class);

            List<String> secrets = UpSecrets.all(data);
            assertThat(UpSecrets.inLogs(data.resolve("logs"), secrets)).isEmpty();
            assertThat(UpSecrets.inCommandLines(up.descendants().toList(), secrets)).isEmpty();
            String adminPassword = secrets.get(0);
            assertThat(secrets.stream().filter(s -> !s.equals(adminPassword)).filter(s -> upOutput.indexOf(s) >= 0).toList())
                    .as("up prints the first admin password only").isEmpty();

            RepoScripts.Run second = RepoScripts.run("kanade-dev", Map.of(), "up", "--nats-port",
                    String.valueOf(FreePorts.next()), "--http-port", String.valueOf(FreePorts.next()), "--data", data.toString());
            assertThat(second.exitCode()).isNotZero();
            assertThat(second.stderr()).contains("already running");

            RepoScripts.Run busy = RepoScripts.run("kanade-dev", Map.of(), "up", "--nats-port", String.valueOf(natsPort),
                    "--data", data.resolve("other").toString());
            assertThat(busy.stderr()).contains("--nats-port");
        } finally {
            new ProcessBuilder("kill", "-INT", String.valueOf(up.pid())).start().waitFor();
        }
        // a second signal while the stop is under way (an impatient `kill`, a service manager) must not cut the stop
        // short and orphan the backend or the agent
        await().atMost(Duration.ofSeconds(30)).untilTrue(stopping);
        new ProcessBuilder("kill", "-TERM", String.valueOf(up.pid())).start().waitFor();
        assertThat(up.waitFor(60, TimeUnit.SECONDS)).as("kanade-dev up exits after SIGINT").isTrue();
        for (ProcessHandle child : children) {
            assertThat(child.isAlive()).as("child %s (%s) is gone", child.pid(), child.info().command().orElse("?")).isFalse();
        }
    }

    private String readUntilUp(Process up) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(up.getInputStream(), StandardCharsets.UTF_8));
        Pattern dashboard = Pattern.compile("dashboard:\\s+(\\S+)");
        StringBuilder seen = upOutput;
        String url = null;
        String line;
        while ((line = reader.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher m = dashboard.matcher(line);
            if (m.find()) {
                url = m.group(1);
            }
            if (line.startsWith("Press Ctrl-C")) {
                Thread.ofVirtual().start(() -> reader.lines().forEach(l -> {
                    if (l.contains("stopping kanade-dev up")) {
                        stopping.set(true);
                    }
                }));
                return url;
            }
        }
        throw new AssertionError("kanade-dev up ended before it was ready:\n" + seen);
    }
}
