package kanade.runtime.run;

import io.nats.client.Connection;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import kanade.protocol.subject.Subjects;
import kanade.protocol.wire.Command;
import kanade.protocol.wire.ExecResult;
import kanade.protocol.wire.Json;

/**
 * An ad-hoc run as {@code kanade run} and {@code POST /api/run} do it: ping the agent (fail fast), subscribe to
 * {@code results.<request_id>}, publish the Command on {@code commands.pc.<pc_id>}, wait for the result. A broker
 * blip during the wait is ridden out when the connection reconnects: the result is then also looked up in RESULTS
 * ({@link ResultWatch}).
 */
public final class RemoteRun {
    /** Extra wait past the script's own timeout (the agent needs time to kill and report). */
    public static final Duration RESULT_SLACK = Duration.ofSeconds(10);

    private final Connection connection;

    public RemoteRun(Connection connection) {
        this.connection = connection;
    }

    /** How a run ended for the caller. */
    public sealed interface Outcome {
        /** The agent reported a result. */
        record Finished(ExecResult result) implements Outcome {
        }

        /** No agent answered the ping. */
        record NoAgent(String pcId, Duration waited) implements Outcome {
        }

        /** The agent took the command but no result came in time. */
        record TimedOut(String requestId, Duration waited) implements Outcome {
        }
    }

    /** Called once the command is published (the CLI prints the job id). */
    @FunctionalInterface
    public interface Published {
        void accept(Command command);
    }

    /**
     * Runs {@code command} on {@code pcId}.
     *
     * @throws BrokerLostException when the connection closed for good while waiting (the command was sent)
     */
    public Outcome run(String pcId, Command command, Duration pingTimeout, Published published)
            throws InterruptedException, TimeoutException {
        if (AgentPing.ping(connection, pcId, pingTimeout).isEmpty()) {
            return new Outcome.NoAgent(pcId, pingTimeout);
        }
        try (ResultWatch results = new ResultWatch(connection, command.requestId())) {
            connection.flush(Duration.ofSeconds(2));
            connection.publish(Subjects.commandsPc(pcId), Json.encode(command));
            connection.flush(Duration.ofSeconds(2));
            published.accept(command);
            Duration wait = Duration.ofSeconds(command.effectiveTimeoutSecs()).plus(RESULT_SLACK);
            Optional<ExecResult> result;
            try {
                result = results.await(wait);
            } catch (IllegalStateException closed) {
                throw new BrokerLostException(command.requestId(), command.jobId(), closed);
            }
            return result.<Outcome>map(Outcome.Finished::new)
                    .orElseGet(() -> new Outcome.TimedOut(command.requestId(), wait));
        }
    }
}
