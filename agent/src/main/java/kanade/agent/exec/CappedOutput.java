package kanade.agent.exec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Drains a stream to its end, keeping the first {@code cap} bytes and counting the rest, so a chatty child never
 * blocks on a full pipe and a result never outgrows a NATS message. The text is at most {@code cap} bytes in UTF-8
 * too (see {@link Utf8Text}).
 */
public final class CappedOutput {
    /** Text captured so far and whether bytes were dropped. */
    public record Snapshot(String text, boolean truncated) {
    }

    private final int cap;
    private final ByteArrayOutputStream kept;
    private final ReentrantLock lock = new ReentrantLock();
    private final CountDownLatch finished = new CountDownLatch(1);
    private long dropped;

    public CappedOutput(int cap) {
        this.cap = cap;
        this.kept = new ByteArrayOutputStream(Math.min(cap, 256));
    }

    /** Reads {@code in} until end of stream; run it on its own (virtual) thread. */
    public void drain(InputStream in) {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                append(buffer, n);
            }
        } catch (IOException e) {
            // the pipe closed because the process was killed: keep what we have
        } finally {
            finished.countDown();
        }
    }

    /** Appends bytes directly (the simulator's in-process scripts use this). */
    public void append(byte[] bytes, int length) {
        lock.lock();
        try {
            int room = cap - kept.size();
            int take = Math.max(0, Math.min(room, length));
            kept.write(bytes, 0, take);
            dropped += length - take;
        } finally {
            lock.unlock();
        }
    }

    /** Marks the stream complete without a reader (in-process scripts). */
    public void finish() {
        finished.countDown();
    }

    /** Waits up to {@code wait} for the end of the stream, then returns what was captured. */
    public Snapshot snapshot(Duration wait) {
        try {
            finished.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lock.lock();
        try {
            Utf8Text.Decoded decoded = Utf8Text.decode(kept.toByteArray(), cap, dropped > 0);
            return new Snapshot(decoded.text(), decoded.cut());
        } finally {
            lock.unlock();
        }
    }
}
