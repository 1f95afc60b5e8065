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

    /** Counts a failure for {@code subject}. */
    public Failure fail(String subject, boolean isAddress, Instant now) {
        int max = isAddress ? policy.maxFailures() * policy.addressFactor() : policy.maxFailures();
        return db.jdbi().inTransaction(h -> {
            record Row(int failures, Instant windowStart, Instant lockedUntil) {
            }
            Optional<Row> row = h.createQuery("select failures, window_start, locked_until from login_failures "
                    + "where subject = :s").bind("s", subject)
                    .map((rs, ctx) -> new Row(rs.getInt(1), Instant.ofEpochMilli(rs.getLong(2)),
                            rs.getObject(3) == null ? null : Instant.ofEpochMilli(rs.getLong(3)))).findOne();
            boolean fresh = row.isEmpty() || row.get().windowStart().plus(policy.window()).isBefore(now)
                    || (row.get().lockedUntil() != null && !row.get().lockedUntil().isAfter(now));
            int failures = fresh ? 1 : row.get().failures() + 1;
            Instant windowStart = fresh ? now : row.get().windowStart();
            boolean lock = failures >= max;
            Instant lockedUntil = lock ? now.plus(policy.lockFor()) : null;
            h.createUpdate("insert into login_failures (subject, failures, window_start, locked_until) values "
                            + "(:s, :f, :w, :l) on conflict (subject) do update set failures = excluded.failures, "
                            + "window_start = excluded.window_start, locked_until = excluded.locked_until")
                    .bind("s", subject).bind("f", failures).bind("w", windowStart)
                    .bindByType("l", lockedUntil, Instant.class).execute();
            return new Failure(lock, lockedUntil);
        });
    }

    /** Forgets the failures of {@code subject} (after a successful login). */
    public void clear(String subject) {
        db.jdbi().useHandle(h -> h.createUpdate("delete from login_failures where subject = :s").bind("s", subject)
                .execute());
    }
}
