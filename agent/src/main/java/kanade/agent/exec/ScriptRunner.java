package kanade.agent.exec;

import kanade.protocol.wire.Command;

/** Starts a Command's script. The real one spawns OS processes; the simulator's answers in-process. */
public interface ScriptRunner {

    /** Starts the script, or returns a {@link ShellLaunch.Unsupported} reason via {@link StartRefused}. */
    RunningScript start(Command command) throws StartRefused;

    /** The script could not start; {@code exitCode} is what the result reports (122 for a shell problem). */
    final class StartRefused extends Exception {
        private final int exitCode;

        public StartRefused(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }
}
