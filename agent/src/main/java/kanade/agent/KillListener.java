package kanade.agent;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Subscription;
import java.time.Duration;
import kanade.agent.exec.JobRunner;
import kanade.protocol.subject.Subjects;
import kanade.runtime.lifecycle.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's one {@code kill.*} subscription, flushed before any command subscription exists, so a kill sent after a
 * job started always reaches it. It starts before the job runner and stops after it: kills still work while running
 * jobs get their shutdown grace.
 */
final class KillListener implements Component {
    private static final Logger LOG = LoggerFactory.getLogger(KillListener.class);

    private final String pcId;
    private final Connection connection;
    private final Dispatcher dispatcher;
    private final JobRunner jobs;
    private Subscription subscription;

    KillListener(String pcId, Connection connection, Dispatcher dispatcher, JobRunner jobs) {
        this.pcId = pcId;
        this.connection = connection;
        this.dispatcher = dispatcher;
        this.jobs = jobs;
    }

    @Override
    public String name() {
        return "kill";
    }

    @Override
    public void start() {
        subscription = dispatcher.subscribe(Subjects.KILL_WILDCARD, this::onKill);
        try {
            connection.flush(Duration.ofSeconds(5));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.debug("{} - flush of the kill subscription failed ({}); it goes out with the others", pcId,
                    e.toString());
        }
    }

    @Override
    public void stop() {
        if (subscription != null) {
            dispatcher.unsubscribe(subscription);
            subscription = null;
        }
    }

    private void onKill(Message message) {
        String subject = message.getSubject();
        int killed = jobs.kill(subject.substring(subject.indexOf('.') + 1), subject);
        if (killed > 0) {
            LOG.info("{} - {} killed {} job(s)", pcId, subject, killed);
        }
    }
}
