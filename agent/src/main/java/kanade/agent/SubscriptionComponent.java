package kanade.agent;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.MessageHandler;
import io.nats.client.Subscription;
import kanade.runtime.lifecycle.Component;

/** One fixed core subscription on the agent's dispatcher, flushed when it starts and dropped when it stops. */
final class SubscriptionComponent implements Component {
    private final String name;
    private final String pcId;
    private final Connection connection;
    private final Dispatcher dispatcher;
    private final String subject;
    private final MessageHandler handler;
    private Subscription subscription;

    SubscriptionComponent(String name, String pcId, Connection connection, Dispatcher dispatcher, String subject,
                          MessageHandler handler) {
        this.name = name;
        this.pcId = pcId;
        this.connection = connection;
        this.dispatcher = dispatcher;
        this.subject = subject;
        this.handler = handler;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start() {
        subscription = dispatcher.subscribe(subject, handler);
        Flushes.quietly(connection, pcId, name);
    }

    @Override
    public void stop() {
        if (subscription != null) {
            dispatcher.unsubscribe(subscription);
            subscription = null;
        }
    }
}
