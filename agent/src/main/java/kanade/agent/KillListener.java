package kanade.agent;

import io.nats.client.Message;
import io.nats.client.MessageHandler;
import kanade.agent.exec.JobRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles the agent's one {@code kill.*} subscription, which is flushed before any command subscription exists, so a
 * kill sent after a job started always reaches it. It starts before the job runner and stops after it: kills still
 * work while running jobs get their shutdown grace.
 */
final class KillListener implements MessageHandler {
    private static final Logger LOG = LoggerFactory.getLogger(KillListener.class);

    private final String pcId;
    private final JobRunner jobs;

    KillListener(String pcId, JobRunner jobs) {
        this.pcId = pcId;
        this.jobs = jobs;
    }

    @Override
    public void onMessage(Message message) {
        String subject = message.getSubject();
        int killed = jobs.kill(subject.substring(subject.indexOf('.') + 1), subject);
        if (killed > 0) {
            LOG.info("{} - {} killed {} job(s)", pcId, subject, killed);
        }
    }
}
