package kanade.sim.fault;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import kanade.protocol.wire.Command;
import kanade.protocol.wire.Ids;
import kanade.protocol.wire.Json;

/**
 * One command of the poison mix, as the bytes published on {@code commands.all}, and what every agent must do with
 * it: answer it exactly once, never answer it (no result can exist), or either (answer it everywhere or nowhere).
 */
record Poison(String name, String requestId, byte[] payload, Expect expect) {
    /** What every agent must do with a poison command. */
    enum Expect {
        /** one result from every agent */
        ONE_EACH,
        /** no result anywhere (there is no valid request_id to answer on) */
        NONE,
        /** an error result from every agent, or none from any (dropped with a log line) */
        ONE_EACH_OR_NONE
    }

    /** 10 MiB, far over every output cap. */
    static final long OVERSIZED = 10L << 20;

    /** A well-formed command running {@code script}. */
    static Poison normal(String name, String script) {
        return edited(name, script, Expect.ONE_EACH, c -> { });
    }

    /** The mix: malformed commands and oversized output between two normal fanouts, in the order they are sent. */
    static List<Poison> mix() {
        return List.of(
                normal("normal before", "echo before"),
                edited("request_id not a subject token", "echo x", Expect.NONE,
                        c -> c.put("request_id", "poison.bad id>" + Ids.randomUuid())),
                edited("jitter_secs Long.MAX", "echo x", Expect.ONE_EACH, c -> c.put("jitter_secs", Long.MAX_VALUE)),
                edited("timeout_secs Long.MAX", "echo x", Expect.ONE_EACH, c -> c.put("timeout_secs", Long.MAX_VALUE)),
                edited("script missing", "echo x", Expect.ONE_EACH_OR_NONE, c -> c.remove("script")),
                edited("negative timeout", "echo x", Expect.ONE_EACH_OR_NONE, c -> c.put("timeout_secs", -1)),
                edited("unknown shell", "echo x", Expect.ONE_EACH, c -> c.put("shell", "no-such-shell")),
                raw("garbage JSON", "{\"request_id\": \"" + Ids.randomUuid() + "\", \"script\": "),
                raw("not JSON at all", "\u0000\u0001 poison"),
                normal("10 MiB of NUL", "head -c " + OVERSIZED + " /dev/zero"),
                normal("10 MiB of quotes", "head -c " + OVERSIZED + " /dev/zero | tr '\\000' '\"'"),
                normal("1 MiB of invalid UTF-8", "head -c " + (1 << 20) + " /dev/zero | tr '\\000' '\\377'"),
                normal("normal after", "echo after"));
    }

    private static Poison edited(String name, String script, Expect expect, Consumer<ObjectNode> edit) {
        String requestId = Ids.randomUuid();
        ObjectNode json = Json.mapper().valueToTree(new Command(Command.ADHOC_ID, Command.ADHOC_VERSION, requestId,
                Ids.randomUuid(), "sh", script, 120, null, null, null, null));
        edit.accept(json);
        String sent = json.path("request_id").asText(requestId);
        return new Poison(name, sent, json.toString().getBytes(StandardCharsets.UTF_8), expect);
    }

    private static Poison raw(String name, String text) {
        return new Poison(name, null, text.getBytes(StandardCharsets.UTF_8), Expect.NONE);
    }
}
