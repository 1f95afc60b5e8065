package kanade.runtime.lifecycle;

/**
 * A part of a running program with an explicit start and stop. A {@link ComponentStack} starts its components in
 * order and stops them in reverse; {@code stop} must be idempotent and must not throw for a component that never
 * started.
 */
public interface Component {
    /** A short name for logs ("commands", "heartbeat", ...). */
    String name();

    /** Starts the component; everything it depends on has started before it. */
    void start() throws Exception;

    /** Stops the component; everything that depends on it has stopped before it. */
    void stop() throws Exception;

    /** A step of a start or a stop. */
    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    /** A component made of two steps (for parts whose start or stop is one call on an existing object). */
    static Component of(String name, Step start, Step stop) {
        return new Component() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void start() throws Exception {
                start.run();
            }

            @Override
            public void stop() throws Exception {
                stop.run();
            }
        };
    }

    /** A step that does nothing. */
    static void nothing() {
    }
}
