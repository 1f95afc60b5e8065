package kanade.backend.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import kanade.backend.store.Database;

/**
 * Failed-login counting per account and per source address, kept in {@code login_failures} so a lock holds across
 * every backend. {@code maxFailures} failures within {@code window} lock the subject for {@code lockFor}.
 */
public final class LoginLockout {
    /** The thresholds; addresses get {@code addressFactor} times the account's allowance (NAT, shared desks). */
    public record Policy(int maxFailures, Duration window, Duration lockFor, int addressFactor) {
        public static final Policy DEFAULT = new Policy(5, Duration.ofMinutes(15), Duration.ofMinutes(15), 4);
    }

    /** The outcome of one more failure: whether it locked the subject and until when. */
    public record Failure(boolean lockedNow, Instant lockedUntil) {
    }

    private final Database db;
    private final Policy policy;

    public LoginLockout(Database db, Policy policy) {
        this.db = db;
        this.policy = policy;
    }

    public static String account(String username) {
        return "user:" + username.toLowerCase(java.util.Locale.ROOT);
    }

    public static String address(String remote) {
        return "addr:" + remote;
    }

    /** How much longer {@code subject} stays locked, if it is. */
    public Optional<Duration> remaining(String subject, Instant now) {
        Instant until = db.jdbi().withHandle(h -> h.createQuery("select locked_until from login_failures "
                + "where subject = :s").bind("s", subject).mapTo(Instant.class).findOne().orElse(null));
        return until != null && until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    /**
     * Counts a failure for {@code subject}: two single statements rather than a read-then-write transaction, so
     * concurrent failures neither deadlock on SQLite's lock upgrade nor lose a count on PostgreSQL.
     */
    public Failure fail(String subject, boolean isAddress, Instant now) {
        int max = isAddress ? policy.maxFailures() * policy.addressFactor() : policy.maxFailures();
        String fresh = "(login_failures.window_start < :floor or (login_failures.locked_until is not null"
                + " and login_failures.locked_until <= :now))";
        Instant until = now.plus(policy.lockFor());
        return db.jdbi().withHandle(h -> {
            h.createUpdate("insert into login_failures (subject, failures, window_start, locked_until) values "
                            + "(:s, 1, :now, null) on conflict (subject) do update set "
                            + "failures = case when " + fresh + " then 1 else login_failures.failures + 1 end, "
                            + "window_start = case when " + fresh + " then :now else login_failures.window_start end, "
                            + "locked_until = case when " + fresh + " then null else login_failures.locked_until end")
                    .bind("s", subject).bind("now", now).bind("floor", now.minus(policy.window())).execute();
            int locked = h.createUpdate("update login_failures set locked_until = :until where subject = :s and "
                            + "failures >= :max and (locked_until is null or locked_until <= :now)")
                    .bind("until", until).bind("s", subject).bind("max", max).bind("now", now).execute();
            return new Failure(locked == 1, locked == 1 ? until : null);
        });
    }

    /** Forgets the failures of {@code subject} (after a successful login). */
    public void clear(String subject) {
        db.jdbi().useHandle(h -> h.createUpdate("delete from login_failures where subject = :s").bind("s", subject)
                .execute());
    }
}
