package kanade.agent.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AdmissionGateTest {
    private final AdmissionGate gate = new AdmissionGate(1, Clock.systemUTC());

    @Test
    void waitingJobsAreAdmittedInArrivalOrder() throws Exception {
        assertThat(gate.enter(null, () -> false)).isEqualTo(AdmissionGate.Admission.ADMITTED);
        List<String> order = new CopyOnWriteArrayList<>();
        for (String name : List.of("first", "second", "third")) {
            int before = gate.waiting();
            Thread.ofVirtual().start(() -> {
                try {
                    gate.enter(null, () -> false);
                    order.add(name);
                    gate.leave();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            await().atMost(Duration.ofSeconds(5)).until(() -> gate.waiting() == before + 1);
        }
        gate.leave();
        await().atMost(Duration.ofSeconds(5)).until(() -> order.size() == 3);
        assertThat(order).containsExactly("first", "second", "third");
    }

    @Test
    void aWaitGivesUpAtTheDeadline() throws Exception {
        gate.enter(null, () -> false);
        assertThat(gate.enter(Instant.now().plusMillis(50), () -> false)).isEqualTo(AdmissionGate.Admission.EXPIRED);
        assertThat(gate.waiting()).isZero();
    }

    @Test
    void aCancelledWaitEndsWhenWoken() throws Exception {
        gate.enter(null, () -> false);
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicReference<AdmissionGate.Admission> result = new AtomicReference<>();
        Thread waiter = Thread.ofVirtual().start(() -> {
            try {
                result.set(gate.enter(null, cancelled::get));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> gate.waiting() == 1);
        cancelled.set(true);
        gate.wake();
        waiter.join(Duration.ofSeconds(5));
        assertThat(result.get()).isEqualTo(AdmissionGate.Admission.CANCELLED);
    }

    @Test
    void raisingTheLimitAdmitsAWaitingJob() throws Exception {
        gate.enter(null, () -> false);
        AtomicReference<AdmissionGate.Admission> result = new AtomicReference<>();
        Thread.ofVirtual().start(() -> {
            try {
                result.set(gate.enter(null, () -> false));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> gate.waiting() == 1);
        gate.setLimit(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> result.get() == AdmissionGate.Admission.ADMITTED);
    }
}
