package kanade.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nats.client.Message;
import io.nats.client.Subscription;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kanade.protocol.subject.Subjects;
import kanade.protocol.wire.Command;
import kanade.protocol.wire.ExecResult;
import kanade.protocol.wire.Heartbeat;
import kanade.protocol.wire.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The fleet policy seam: a running agent follows group and cadence changes live, without reconnecting. */
class AgentPolicyTest {
    @RegisterExtension
    static final HarnessFixture broker = HarnessFixture.withJetStream();
    @TempDir
    Path dataDir;

    @Test
    void joiningAGroupAtRuntimeDeliversItsCommandsWithoutReconnecting() throws Exception {
        String pc = broker.nats().uniqueName("pc-join");
        String group = broker.nats().uniqueName("lab");
        try (Agent agent = broker.harness().startAgent(pc, dataDir)) {
            assertThat(agent.commandSubjects()).doesNotContain(Subjects.commandsGroup(group));

            agent.policy().update(p -> p.joining(group));

            assertThat(agent.commandSubjects()).contains(Subjects.commandsGroup(group));
            ExecResult result = runOnGroup(group, "echo via group", Duration.ofSeconds(10));
            assertThat(result.pcId()).isEqualTo(pc);
            assertThat(result.stdout()).isEqualTo("via group\n");
            assertThat(agent.connection().getStatistics().getReconnects()).isZero();
        }
    }

    @Test
    void leavingAGroupStopsDelivery() throws Exception {
        String pc = broker.nats().uniqueName("pc-leave");
        String group = broker.nats().uniqueName("lab");
        try (Agent agent = broker.harness().startAgent(broker.harness().settings(pc, dataDir).withGroups(List.of(group)))) {
            assertThat(runOnGroup(group, "echo member", Duration.ofSeconds(10)).pcId()).isEqualTo(pc);

            agent.policy().update(p -> p.leaving(group));

            Command toGroup = AgentHarness.command("sh", "echo should not run", 10);
            broker.harness().operator().publish(Subjects.commandsGroup(group), Json.encode(toGroup));
            // a later command on the agent's own subject, on the same connection: once its result is back, the
            // group command (published first) would have been taken already if the agent still listened
            ExecResult after = broker.harness().run(pc, AgentHarness.command("sh", "echo own", 10), Duration.ofSeconds(10));
            assertThat(after.stdout()).isEqualTo("own\n");
            assertThat(agent.hasTaken(toGroup.requestId())).isFalse();
            assertThat(agent.commandSubjects()).doesNotContain(Subjects.commandsGroup(group));
            assertThat(agent.connection().getStatistics().getReconnects()).isZero();
        }
    }

    @Test
    void heartbeatsFollowThePolicyCadenceAndItsChanges() throws Exception {
        String pc = broker.nats().uniqueName("pc-cadence");
        Subscription beats = broker.harness().operator().subscribe(Subjects.heartbeat(pc));
        broker.harness().operator().flush(Duration.ofSeconds(1));
        try (Agent agent = broker.harness().startAgent(broker.harness().settings(pc, dataDir).withHeartbeatInterval(Duration.ofHours(1)))) {
            assertThat(nextBeat(beats)).isNotNull(); // the first beat goes out at start
            assertThat(beats.nextMessage(Duration.ofMillis(300))).isNull(); // and the next one is an hour away

            agent.policy().update(p -> p.withHeartbeatInterval(Duration.ofMillis(200)));

            List<Instant> stamps = new ArrayList<>();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                Heartbeat beat = nextBeat(beats);
                if (beat != null) {
                    stamps.add(beat.at());
                }
                return stamps.size() >= 6;
            });
            List<Long> gaps = new ArrayList<>();
            for (int i = 1; i < stamps.size(); i++) {
                gaps.add(Duration.between(stamps.get(i - 1), stamps.get(i)).toMillis());
            }
            long medianGap = gaps.stream().sorted().toList().get(gaps.size() / 2);
            assertThat(medianGap).as("median gap of %s", gaps).isBetween(100L, 400L);
        }
    }

    @Test
    void theJobBudgetFollowsThePolicyAndAWaitingJobCanBeKilled() throws Exception {
        String pc = broker.nats().uniqueName("pc-budget");
        AgentSettings settings = broker.harness().settings(pc, dataDir);
        try (Agent agent = broker.harness().startAgent(settings.toBuilder()
                .initialPolicy(settings.initialPolicy().withMaxConcurrentJobs(1)).build())) {
            Command longJob = jobWithId("sleep 60", "long-" + pc);
            Subscription longResult = broker.harness().send(pc, longJob);
            await().atMost(Duration.ofSeconds(10)).until(() -> agent.runningJobs() == 1);

            Command queued = jobWithId("echo finally", "queued-" + pc);
            Subscription queuedResult = broker.harness().send(pc, queued);
            await().atMost(Duration.ofSeconds(10)).until(() -> agent.jobsWaitingForSlot() == 1);
            Command killedWhileWaiting = jobWithId("echo never", "doomed-" + pc);
            Subscription killedResult = broker.harness().send(pc, killedWhileWaiting);
            await().atMost(Duration.ofSeconds(10)).until(() -> agent.jobsWaitingForSlot() == 2);

            broker.harness().operator().publish(Subjects.kill(killedWhileWaiting.jobId()), new byte[0]);
            ExecResult killed = Json.decode(killedResult.nextMessage(Duration.ofSeconds(10)).getData(), ExecResult.class);
            assertThat(killed.exitCode()).isEqualTo(ExecResult.EXIT_KILLED);
            assertThat(killed.stdout()).isEmpty();

            agent.policy().update(p -> p.withMaxConcurrentJobs(2));
            ExecResult ran = Json.decode(queuedResult.nextMessage(Duration.ofSeconds(10)).getData(), ExecResult.class);
            assertThat(ran.stdout()).isEqualTo("finally\n");

            broker.harness().operator().publish(Subjects.kill(longJob.jobId()), new byte[0]);
            ExecResult longOne = Json.decode(longResult.nextMessage(Duration.ofSeconds(10)).getData(), ExecResult.class);
            assertThat(longOne.exitCode()).as("the long job was still running, beside the admitted one")
                    .isEqualTo(ExecResult.EXIT_KILLED);
        }
    }

    private static Command jobWithId(String script, String jobId) {
        return Command.adhoc(java.util.UUID.randomUUID().toString(), jobId, "sh", script, 120, null);
    }

    private static Heartbeat nextBeat(Subscription beats) throws InterruptedException {
        Message message = beats.nextMessage(Duration.ofSeconds(2));
        return message == null ? null : Json.decode(message.getData(), Heartbeat.class);
    }

    private static ExecResult runOnGroup(String group, String script, Duration wait) throws Exception {
        Command command = AgentHarness.command("sh", script, 10);
        Subscription results = broker.harness().operator().subscribe(Subjects.results(command.requestId()));
        broker.harness().operator().flush(Duration.ofSeconds(2));
        broker.harness().operator().publish(Subjects.commandsGroup(group), Json.encode(command));
        Message message = results.nextMessage(wait);
        results.unsubscribe();
        assertThat(message).as("a result for the command on group %s", group).isNotNull();
        return Json.decode(message.getData(), ExecResult.class);
    }
}
