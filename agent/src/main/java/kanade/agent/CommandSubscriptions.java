package kanade.agent;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Subscription;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import kanade.agent.policy.FleetPolicy;
import kanade.agent.policy.PolicyListener;
import kanade.agent.policy.PolicySupervisor;
import kanade.protocol.subject.SubjectToken;
import kanade.protocol.subject.Subjects;
import kanade.protocol.wire.Command;
import kanade.protocol.wire.Json;
import kanade.protocol.wire.WireFormatException;
import kanade.runtime.lifecycle.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's command subscriptions: {@code commands.all}, {@code commands.pc.<pc_id>} and one
 * {@code commands.group.<g>} per group of the current fleet policy, added and removed live when the policy changes
 * (no reconnect). Each change is flushed before it returns, so the broker knows the new interest. Decoded commands go
 * to the job runner.
 */
final class CommandSubscriptions implements Component, PolicyListener {
    private static final Logger LOG = LoggerFactory.getLogger(CommandSubscriptions.class);

    private final String pcId;
    private final Connection connection;
    private final Dispatcher dispatcher;
    private final PolicySupervisor policy;
    private final Consumer<Command> jobs;
    private final BiConsumer<Message, WireFormatException> malformed;
    private final Map<String, Subscription> bySubject = new LinkedHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private boolean open;

    CommandSubscriptions(String pcId, Connection connection, Dispatcher dispatcher, PolicySupervisor policy,
                         Consumer<Command> jobs, BiConsumer<Message, WireFormatException> malformed) {
        this.pcId = pcId;
        this.malformed = malformed;
        this.connection = connection;
        this.dispatcher = dispatcher;
        this.policy = policy;
        this.jobs = jobs;
    }

    @Override
    public String name() {
        return "commands";
    }

    @Override
    public void start() {
        lock.lock();
        try {
            open = true;
            subscribe(Subjects.COMMANDS_ALL);
            subscribe(Subjects.commandsPc(pcId));
            policy.listen(this);
            policy.current().groups().forEach(g -> subscribe(Subjects.commandsGroup(g)));
            flush();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void policyChanged(FleetPolicy previous, FleetPolicy current) {
        lock.lock();
        try {
            if (!open) {
                return;
            }
            Set<String> wanted = new HashSet<>(current.groups());
            previous.groups().stream().filter(g -> !wanted.contains(g))
                    .forEach(g -> unsubscribe(Subjects.commandsGroup(g)));
            current.groups().forEach(g -> subscribe(Subjects.commandsGroup(g)));
            flush();
        } finally {
            lock.unlock();
        }
    }

    /** The command subjects this agent listens on now. */
    Set<String> subjects() {
        lock.lock();
        try {
            return Set.copyOf(bySubject.keySet());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void stop() {
        lock.lock();
        try {
            if (!open) {
                return;
            }
            open = false;
            policy.unlisten(this);
            Set.copyOf(bySubject.keySet()).forEach(this::unsubscribe);
        } finally {
            lock.unlock();
        }
    }

    private void subscribe(String subject) {
        bySubject.computeIfAbsent(subject, s -> dispatcher.subscribe(s, this::onCommand));
    }

    private void unsubscribe(String subject) {
        Subscription sub = bySubject.remove(subject);
        if (sub != null) {
            dispatcher.unsubscribe(sub);
        }
    }

    private void flush() {
        Flushes.quietly(connection, pcId, name());
    }

    private void onCommand(Message message) {
        Command command;
        try {
            command = Json.decode(message.getData(), Command.class);
        } catch (WireFormatException e) {
            malformed.accept(message, e);
            return;
        }
        if (!SubjectToken.isValid(command.requestId())) {
            // its result could never be published on results.<request_id>: nothing can be answered, so say it here
            LOG.warn("{} - ignored command on {}: request_id '{}' is not a subject token", pcId, message.getSubject(),
                    command.requestId());
            return;
        }
        jobs.accept(command);
    }
}
