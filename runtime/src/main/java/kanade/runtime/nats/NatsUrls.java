package kanade.runtime.nats;

import java.util.regex.Pattern;

/** NATS URLs as they may be printed: a credential inside one ({@code nats://user:pass@host}) is masked. */
public final class NatsUrls {
    private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^@/\\s\\]\\[,]+@");

    private NatsUrls() {
    }

    /**
     * {@code nats://***@host:4222} for {@code nats://user:secret@host:4222}; other URLs unchanged. Works on any text
     * that contains URLs too (a client library's error message).
     */
    public static String masked(String url) {
        return url == null ? null : USER_INFO.matcher(url).replaceAll("***@");
    }
}
