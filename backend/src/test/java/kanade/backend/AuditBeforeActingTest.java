package kanade.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.nats.client.api.MessageInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;
import kanade.agent.Agent;
import kanade.agent.AgentHarness;
import kanade.backend.store.DbSettings;
import kanade.protocol.broker.BrokerRole;
import kanade.protocol.subject.Streams;
import kanade.protocol.subject.Subjects;
import kanade.protocol.wire.AuditEvent;
import kanade.protocol.wire.Json;
import kanade.runtime.jetstream.JetStreamBootstrap;
import kanade.testkit.NatsServerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kanade's audit rule over HTTP with the AUDIT stream gone: a run is refused before anything is sent; a kill always
 * goes out and its event is written once the stream is back.
 */
class AuditBeforeActingTest {
    @RegisterExtension
    static final NatsServerFixture nats = NatsServerFixture.withJetStream();
    @TempDir
    static Path dir;
    static BackendServer backend;
    static BackendSettings settings;
    static Http http;
    static AgentHarness agents;
    static Agent agent;
    static Connection observer;
    static final String PC = "pc-audit";

    @BeforeAll
    static void start() throws Exception {
        settings = TestBackends.settings(nats, DbSettings.sqlite(dir.resolve("b.db")));
        backend = BackendServer.start(settings, Clock.systemUTC());
        http = Http.asService(backend);
        agents = new AgentHarness(nats);
        agent = agents.startAgent(PC, dir.resolve("agent"));
        observer = nats.connect(BrokerRole.BACKEND);
    }

    @AfterEach
    void restoreStreams() throws Exception {
        new JetStreamBootstrap(observer, settings.layout()).apply();
    }

    @AfterAll
    static void stop() throws Exception {
        observer.close();
        agent.close();
        agents.close();
        backend.close();
    }

    @Test
    void runIs503AuditUnavailableAndPublishesNothingWhenTheAuditCannotBeWritten() throws Exception {
        Subscription commands = observer.subscribe(Subjects.COMMANDS_WILDCARD);
        observer.flush(Duration.ofSeconds(2));
        jsm().deleteStream(Streams.AUDIT);

        Http.Response response = http.post("/api/run", "{\"pc_id\":\"" + PC + "\",\"shell\":\"sh\",\"script\":\"echo no\"}");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.json().at("/error/code").asText()).isEqualTo("audit_unavailable");
        assertThat(response.json().at("/error/message").asText()).contains("AUDIT stream")
                .doesNotContainIgnoringCase("responders").doesNotContainIgnoringCase("exception")
                .doesNotContain("io.nats").doesNotContain("[SUB-").doesNotContain("503");
        // a round trip: a marker published after the answer is the first thing the subscription sees
        observer.publish("commands.marker", new byte[0]);
        observer.flush(Duration.ofSeconds(2));
        Message first = commands.nextMessage(Duration.ofSeconds(5));
        assertThat(first).isNotNull();
        assertThat(first.getSubject()).isEqualTo("commands.marker");
        commands.unsubscribe();
    }

    @Test
    void pingIs503AuditUnavailableWhenTheAuditCannotBeWritten() throws Exception {
        jsm().deleteStream(Streams.AUDIT);
        Http.Response response = http.post("/api/agents/" + PC + "/ping?wait_secs=1", "");
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.json().at("/error/code").asText()).isEqualTo("audit_unavailable");
    }

    @Test
    void killGoesOutWithoutTheAuditStreamAndItsEventIsWrittenOnceTheStreamIsBack() throws Exception {
        Subscription kills = observer.subscribe(Subjects.kill("job-spooled"));
        observer.flush(Duration.ofSeconds(2));
        jsm().deleteStream(Streams.AUDIT);

        Http.Response response = http.post("/api/jobs/job-spooled/kill", "");

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.json().get("audit").asText()).isEqualTo("spooled");
        Message kill = kills.nextMessage(Duration.ofSeconds(5));
        assertThat(kill).isNotNull();
        assertThat(kill.getSubject()).isEqualTo("kill.job-spooled");
        assertThat(spooled()).isEqualTo(1);

        new JetStreamBootstrap(observer, settings.layout()).apply();

        String subject = Subjects.audit("service-token", "kill", "job-spooled");
        await().atMost(Duration.ofSeconds(15)).until(() -> spooled() == 0);
        MessageInfo written = jsm().getLastMessage(Streams.AUDIT, subject);
        AuditEvent event = Json.decode(written.getData(), AuditEvent.class);
        assertThat(event.action()).isEqualTo("kill");
        assertThat(event.target()).isEqualTo("job-spooled");
        assertThat(jsm().getStreamInfo(Streams.AUDIT).getStreamState().getMsgCount()).isEqualTo(1);
        kills.unsubscribe();
    }

    @Test
    void killIsAuditedAtOnceWhenTheAuditStreamIsUp() throws Exception {
        Http.Response response = http.post("/api/jobs/job-direct/kill", "");
        assertThat(response.status()).isEqualTo(202);
        assertThat(response.json().get("audit").asText()).isEqualTo("written");
        assertThat(response.json().get("subject").asText()).isEqualTo("kill.job-direct");
        MessageInfo written = jsm().getLastMessage(Streams.AUDIT, Subjects.audit("service-token", "kill", "job-direct"));
        assertThat(Json.decode(written.getData(), AuditEvent.class).target()).isEqualTo("job-direct");
    }

    @Test
    void killOfAJobIdThatIsNotOneSubjectTokenIs400InvalidParameter() throws Exception {
        Http.Response response = http.post("/api/jobs/a.b/kill", "");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/code").asText()).isEqualTo("invalid_parameter");
    }

    private static JetStreamManagement jsm() throws Exception {
        return observer.jetStreamManagement();
    }

    private static long spooled() throws Exception {
        Path spool = settings.auditSpoolDir();
        if (!Files.isDirectory(spool)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(spool)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).count();
        }
    }
}
