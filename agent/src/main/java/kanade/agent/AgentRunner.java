package kanade.agent;

import java.util.concurrent.CountDownLatch;
import kanade.runtime.config.AgentConfig;
import kanade.runtime.config.ConfigReader;
import kanade.runtime.config.OsFamily;
import kanade.runtime.nats.NatsCredentials;
import kanade.runtime.nats.NatsUrls;
import kanade.runtime.secret.SecretSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one agent process until SIGTERM / Ctrl-C, then stops it gracefully (the service-host side of the agent). */
final class AgentRunner {
    private AgentRunner() {
    }

    static int runUntilStopped(ConfigReader.Result<AgentConfig> loaded, String hostname) throws Exception {
        Logger log = LoggerFactory.getLogger(AgentRunner.class);
        loaded.warnings().forEach(w -> log.warn("{}: {}", loaded.source(), w));
        NatsCredentials credentials = NatsCredentials.forAgent(SecretSource.forPlatform(OsFamily.current(),
                System.getenv()));
        AgentSettings settings = AgentSettings.from(loaded.config(), credentials, hostname);
        log.info("kanade-agent {} starting as {} (config {}, broker {}, {})", settings.agentVersion(),
                settings.pcId(), loaded.source(), NatsUrls.masked(settings.natsUrl()), credentials.describe());
        AgentRuntime runtime = AgentRuntime.create(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Agent[] agent = new Agent[1];
        Thread hook = new Thread(() -> {
            log.info("stop requested; finishing running jobs (grace {}s)", settings.shutdownGrace().toSeconds());
            try {
                if (agent[0] != null) {
                    agent[0].close();
                }
            } catch (Exception e) {
                log.error("agent stop failed", e);
            } finally {
                runtime.close();
                stopped.countDown();
            }
        }, "agent-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        agent[0] = Agent.start(settings, runtime);
        stopped.await();
        return 0;
    }
}
