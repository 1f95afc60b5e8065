package kanade.agent;

import io.nats.client.Connection;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Flushes after a subscription change, so the broker knows the interest before the agent goes on. */
final class Flushes {
    private static final Logger LOG = LoggerFactory.getLogger(Flushes.class);
    private static final Duration WAIT = Duration.ofSeconds(5);

    private Flushes() {
    }

    /** Flushes; when not connected, says so at debug level: the subscriptions go out on (re)connect by themselves. */
    static void quietly(Connection connection, String pcId, String what) {
        try {
            connection.flush(WAIT);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.debug("{} - flush of the {} subscription(s) failed ({}); they go out on reconnect", pcId, what,
                    e.toString());
        }
    }
}
