package kanade.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.api.StreamInfoOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kanade.backend.store.Database;
import kanade.backend.store.DbSettings;
import kanade.backend.store.DeadLetterStore;
import kanade.backend.store.ResultQuery;
import kanade.protocol.broker.BrokerRole;
import kanade.protocol.subject.Streams;
import kanade.protocol.subject.Subjects;
import kanade.protocol.wire.ExecResult;
import kanade.testkit.NatsServerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Projection and store behaviour that must hold on every database; subclasses pick the database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProjectionContract {
    @RegisterExtension
    static final NatsServerFixture nats = NatsServerFixture.withJetStream();

    BackendServer backend;
    Connection nc;
    JetStream js;
    Database db;

    abstract DbSettings database();

    @BeforeAll
    void start() throws Exception {
        backend = BackendServer.start(TestBackends.settings(nats, database()), Clock.systemUTC());
        nc = nats.connect(BrokerRole.BACKEND);
        js = nc.jetStream();
        db = Database.open(database());
    }

    @AfterAll
    void stop() throws Exception {
        backend.close();
        nc.close();
        db.close();
    }

    @Test
    void publishedResultsAreProjected() throws Exception {
        List<ExecResult> sent = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ExecResult r = ResultFactory.result("pc-proj", i % 3 == 0 ? 1 : 0, "line " + i);
            sent.add(r);
            ResultFactory.publish(js, r);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> sent.stream()
                .allMatch(r -> backend.results().find(r.resultId()).isPresent()));
        ExecResult stored = backend.results().find(sent.get(7).resultId()).orElseThrow().result();
        assertThat(stored).isEqualTo(sent.get(7));
        var failed = backend.results().query(new ResultQuery("pc-proj", ResultQuery.ResultStatus.FAILED, null, 100, 0));
        assertThat(failed.total()).isEqualTo(17);
    }

    @Test
    void sameResultPublishedTwiceIsStoredOnce() throws Exception {
        ExecResult r = ResultFactory.result("pc-twice", 0, "twice");
        ResultFactory.publish(js, r);
        ResultFactory.publishAgain(js, r);
        ExecResult marker = ResultFactory.result("pc-twice", 0, "marker");
        ResultFactory.publish(js, marker);
        await().atMost(Duration.ofSeconds(20)).until(() -> backend.results().find(marker.resultId()).isPresent());
        assertThat(backend.results().query(new ResultQuery(null, r.requestId(), null, null, 100, 0)).total()).isEqualTo(1);
        assertThat(backend.results().query(new ResultQuery("pc-twice", null, null, 100, 0)).total()).isEqualTo(2);
        var onSubject = nc.jetStreamManagement().getStreamInfo(Streams.RESULTS,
                StreamInfoOptions.filterSubjects(Subjects.results(r.requestId()))).getStreamState().getSubjects();
        assertThat(onSubject).as("the stream holds both copies; the table holds one")
                .singleElement().satisfies(subject -> assertThat(subject.getCount()).isEqualTo(2));
    }

    @Test
    void malformedMessageIsDeadLetteredAndProjectionGoesOn() throws Exception {
        DeadLetterStore deadLetters = new DeadLetterStore(db);
        long before = deadLetters.count(Streams.RESULTS);
        js.publish("results.garbage-1", "{not json".getBytes());
        js.publish("results.garbage-2", "{\"pc_id\":\"x\"}".getBytes());
        ExecResult after = ResultFactory.result("pc-after-garbage", 0, "still here");
        ResultFactory.publish(js, after);
        await().atMost(Duration.ofSeconds(20)).until(() -> backend.results().find(after.resultId()).isPresent());
        assertThat(deadLetters.count(Streams.RESULTS)).isEqualTo(before + 2);
    }

    @Test
    void resultWhoseSubjectDisagreesWithItsRequestIdIsDeadLettered() throws Exception {
        DeadLetterStore deadLetters = new DeadLetterStore(db);
        long before = deadLetters.count(Streams.RESULTS);
        ExecResult r = ResultFactory.result("pc-mismatch", 0, "x");
        js.publish("results.some-other-request", kanade.protocol.wire.Json.encode(r));
        await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters.count(Streams.RESULTS) == before + 1);
        assertThat(backend.results().find(r.resultId())).isEmpty();
    }
}
