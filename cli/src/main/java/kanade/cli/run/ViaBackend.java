package kanade.cli.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kanade.cli.CliFailure;
import kanade.cli.ErrorCode;
import kanade.cli.backend.BackendAccess;
import kanade.cli.backend.BackendClient;
import kanade.protocol.wire.ExecResult;
import kanade.protocol.wire.Heartbeat;
import kanade.protocol.wire.Json;

/**
 * {@code run}, {@code ping} and {@code kill} through the backend (POST /api/run, /api/agents/{pc_id}/ping,
 * /api/jobs/{job_id}/kill), so the backend checks the caller's role and audits the action as the account. The
 * answers are the same records the broker path prints.
 */
final class ViaBackend implements AutoCloseable {
    /** The longest run POST /api/run accepts. */
    static final long MAX_RUN_TIMEOUT_SECS = 3600;
    /** The longest wait POST /api/agents/{pc_id}/ping accepts. */
    static final long MAX_PING_WAIT_SECS = 60;
    /** How long a run may go unanswered before its job id is printed (the backend's ping takes up to 2 s). */
    static final Duration ANNOUNCE_AFTER = Duration.ofSeconds(3);
    /** Beyond the run's own timeout: the backend's ping, its result slack, and the trip. */
    private static final Duration RUN_MARGIN = Duration.ofSeconds(60);

    /** What POST /api/jobs/{job_id}/kill answered. */
    record KillReceipt(String jobId, String subject, String audit) {
    }

    private final BackendClient client;

    ViaBackend(BackendAccess access) {
        this.client = new BackendClient(access);
    }

    /**
     * Runs {@code script} on {@code pcId} and waits for its result (408 and the rest become CLI failures). Calls
     * {@code announce} once the run is under way: when no answer came within {@link #ANNOUNCE_AFTER} (past the
     * backend's fail-fast ping), or with the result; not when the backend refused it at once.
     */
    ExecResult run(String pcId, String shell, String script, long timeoutSecs, String jobId, Runnable announce) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pc_id", pcId);
        if (shell != null) {
            body.put("shell", shell);
        }
        body.put("script", script);
        body.put("timeout_secs", timeoutSecs);
        body.put("job_id", jobId);
        Duration wait = Duration.ofSeconds(timeoutSecs).plus(RUN_MARGIN);
        var pending = client.start("POST", "/api/run", body, wait);
        boolean announced = false;
        try {
            pending.get(ANNOUNCE_AFTER.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            announce.run();
            announced = true;
        } catch (ExecutionException e) {
            // a transport failure: await reports it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // await reports it
        }
        JsonNode result = client.checked(client.await(pending, "POST /api/run", wait));
        if (!announced) {
            announce.run();
        }
        return decode(result, ExecResult.class, "POST /api/run");
    }

    /** Asks {@code pcId} for a fresh heartbeat, waiting {@code waitSecs}. */
    Heartbeat ping(String pcId, long waitSecs) {
        JsonNode reply = client.post("/api/agents/" + BackendClient.segment(pcId) + "/ping?wait_secs=" + waitSecs,
                null, Duration.ofSeconds(waitSecs).plus(BackendClient.DEFAULT_TIMEOUT));
        return decode(reply.path("heartbeat"), Heartbeat.class, "POST /api/agents/{pc_id}/ping");
    }

    /** Sends the kill of {@code jobId}. */
    KillReceipt kill(String jobId) {
        JsonNode receipt = client.post("/api/jobs/" + BackendClient.segment(jobId) + "/kill", null);
        return decode(receipt, KillReceipt.class, "POST /api/jobs/{job_id}/kill");
    }

    /** The backend's URL, for messages. */
    String url() {
        return client.access().url();
    }

    @Override
    public void close() {
        client.close();
    }

    private <T> T decode(JsonNode node, Class<T> type, String route) {
        String problem;
        try {
            T value = node.isObject() ? Json.mapper().treeToValue(node, type) : null;
            if (value != null) {
                return value;
            }
            problem = "no JSON object";
        } catch (JsonProcessingException e) {
            problem = e.getOriginalMessage();
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
        }
        throw new CliFailure(ErrorCode.REFUSED, "the backend at " + url() + " answered " + route + " with something"
                + " that is not a " + type.getSimpleName() + " (" + problem + "); are the CLI and the backend the same"
                + " version?");
    }
}
