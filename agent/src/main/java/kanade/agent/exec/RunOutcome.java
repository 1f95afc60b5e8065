package kanade.agent.exec;

import java.time.Duration;

/** How a job ended, before it becomes an ExecResult. */
public sealed interface RunOutcome {
    /** The process exited by itself. */
    record Exited(int code) implements RunOutcome {
    }

    /** Stopped by {@code kill.<job_id>} or by agent shutdown; {@code by} says which. */
    record Killed(String by) implements RunOutcome {
    }

    /** Stopped because it ran past its timeout. */
    record TimedOut(Duration after) implements RunOutcome {
    }

    /** Never started: unknown or missing shell, or the OS refused to start it. */
    record FailedToStart(int code, String reason) implements RunOutcome {
    }

    /** Deliberately not run (deadline passed, ...); reported with {@code skipped: true}. */
    record Skipped(int code, String reason) implements RunOutcome {
    }
}
