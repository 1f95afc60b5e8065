package kanade.agent.outbox;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kanade.protocol.subject.SubjectToken;
import kanade.protocol.wire.ExecResult;

/**
 * Results that stand in for outbox entries the agent cannot publish as they are, so the run is explained rather
 * than lost. The stand-in keeps the entry's result_id: if the original did reach the broker before the damage, the
 * broker (message id) and the backend (result_id key) keep the original.
 */
final class StandIns {
    private static final Pattern REQUEST_ID = Pattern.compile("\"request_id\"\\s*:\\s*\"([^\"\\\\]{1,200})\"");

    private StandIns() {
    }

    /** The request id still readable in a damaged entry, if it is one a result can be published for. */
    static String salvageRequestId(String text) {
        Matcher matcher = REQUEST_ID.matcher(text);
        return matcher.find() && SubjectToken.isValid(matcher.group(1)) ? matcher.group(1) : null;
    }

    /** The stand-in for an unreadable entry, when its request id survived. */
    static Optional<ExecResult> forUnreadable(OutboxEntry.Unreadable entry, String pcId) {
        if (entry.requestId() == null || !isUuidLike(entry.resultId())) {
            return Optional.empty();
        }
        String stderr = "kanade: the agent ran this command but its stored result became unreadable ("
                + entry.reason() + "); the damaged outbox entry was kept as " + entry.resultId() + ".json.bad";
        return Optional.of(new ExecResult(entry.resultId(), entry.requestId(), pcId, null,
                ExecResult.EXIT_RESULT_UNREADABLE, "", stderr, false, false, false, entry.writtenAt(),
                entry.writtenAt(), null));
    }

    private static boolean isUuidLike(String id) {
        return SubjectToken.isValid(id) && id.length() <= 64;
    }
}
