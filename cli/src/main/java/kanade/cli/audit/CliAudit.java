package kanade.cli.audit;

import io.nats.client.Connection;
import java.io.PrintWriter;
import kanade.cli.CliEnvironment;
import kanade.runtime.audit.AuditPolicy;
import kanade.runtime.audit.AuditPublisher;
import kanade.runtime.audit.AuditSpool;
import picocli.CommandLine;

/**
 * The CLI's side of {@link AuditPolicy}: the policy on a connection, with emergency events spooled under the user's
 * state dir ({@link CliEnvironment#auditSpoolDir()}), and the retry every command does right after connecting.
 */
public final class CliAudit {
    private CliAudit() {
    }

    /** The audit policy for commands of {@code spec} on {@code connection}. */
    public static AuditPolicy policy(CommandLine.Model.CommandSpec spec, Connection connection) {
        CliEnvironment env = CliEnvironment.of(spec);
        return new AuditPolicy(new AuditPublisher(connection, env.clock()), spool(spec), env.clock());
    }

    /** The user's spool of audit events not written yet. */
    public static AuditSpool spool(CommandLine.Model.CommandSpec spec) {
        return new AuditSpool(CliEnvironment.of(spec).auditSpoolDir());
    }

    /**
     * Writes the spooled audit events of earlier emergency stops; says on stderr how many were written and warns
     * when some still wait. Never fails the command: the events stay spooled for the next one.
     */
    public static void retrySpooled(CommandLine.Model.CommandSpec spec, Connection connection) {
        AuditSpool spool = spool(spec);
        PrintWriter err = spec.commandLine().getErr();
        try {
            int before = spool.pending().size();
            if (before == 0) {
                return;
            }
            int left = policy(spec, connection).retrySpooled();
            if (left < before) {
                err.println("kanade: wrote " + (before - left) + " spooled audit event(s) from " + spool.dir());
            }
            if (left > 0) {
                err.println("warning: " + left + " audit event(s) still spooled in " + spool.dir()
                        + "; they are written once the AUDIT stream is back (`kanade jetstream setup`)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            err.println("warning: cannot retry the audit spool in " + spool.dir() + " (" + e.getMessage() + ")");
        }
        err.flush();
    }
}
