package kanade.protocol.wire;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random UUIDv4 ids for results and requests. Uses the thread-local generator instead of {@code UUID.randomUUID()}'s
 * shared SecureRandom, which thousands of agents in one JVM would contend on; ids need uniqueness, not secrecy.
 */
public final class Ids {
    private Ids() {
    }

    /** A new random (version 4, IETF variant) UUID string. */
    public static String randomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
