package kanade.backend.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kanade.backend.api.Role;
import kanade.backend.store.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * The {@code users} table. Changes that could remove the last enabled admin check and write in one transaction
 * (on PostgreSQL with the admin rows locked), so two backends cannot together leave the fleet without an admin.
 */
public final class AccountStore {
    private static final String COLUMNS = "username, password_hash, role as role_name, disabled, must_change_pw, "
            + "created_at, updated_at, last_login_at";
    private final Database db;

    public AccountStore(Database db) {
        this.db = db;
    }

    /** Whether no account exists yet (the bootstrap admin is then created). */
    public boolean isEmpty() {
        return db.jdbi().withHandle(h -> h.createQuery("select count(*) from users").mapTo(Long.class).one()) == 0;
    }

    public Optional<Account> find(String username) {
        return db.jdbi().withHandle(h -> h.createQuery("select " + COLUMNS + " from users where username = :u")
                .bind("u", username).map(ConstructorMapper.of(Account.class)).findOne());
    }

    /** Accounts by name. */
    public List<Account> list() {
        return db.jdbi().withHandle(h -> h.createQuery("select " + COLUMNS + " from users order by username")
                .map(ConstructorMapper.of(Account.class)).list());
    }

    /** Inserts a new account; false when the name is taken. */
    public boolean insert(Account account) {
        return db.jdbi().withHandle(h -> h.createUpdate("insert into users (username, password_hash, role, disabled, "
                        + "must_change_pw, created_at, updated_at) values (:u, :h, :r, :d, :m, :c, :c) "
                        + "on conflict (username) do nothing")
                .bind("u", account.username()).bind("h", account.passwordHash()).bind("r", account.roleName())
                .bind("d", account.disabled()).bind("m", account.mustChangePw()).bind("c", account.createdAt())
                .execute()) == 1;
    }

    /** Sets a new password hash and whether it must be changed at the next login. */
    public boolean setPassword(String username, String hash, boolean mustChange, Instant now) {
        return db.jdbi().withHandle(h -> h.createUpdate("update users set password_hash = :h, must_change_pw = :m, "
                        + "updated_at = :now where username = :u")
                .bind("h", hash).bind("m", mustChange).bind("now", now).bind("u", username).execute()) == 1;
    }

    public void touchLogin(String username, Instant now) {
        db.jdbi().useHandle(h -> h.createUpdate("update users set last_login_at = :now where username = :u")
                .bind("now", now).bind("u", username).execute());
    }

    /** What a change to an account did. */
    public enum Change { DONE, NOT_FOUND, LAST_ADMIN }

    /** Sets role and/or disabled (null leaves it); refused when it would leave no enabled admin. */
    public Change update(String username, Role role, Boolean disabled, Instant now) {
        return db.jdbi().inTransaction(h -> {
            Optional<Account> current = lockedFind(h, username);
            if (current.isEmpty()) {
                return Change.NOT_FOUND;
            }
            Account before = current.get();
            boolean staysAdmin = (role == null ? before.role() : role) == Role.ADMIN
                    && !(disabled == null ? before.disabled() : disabled);
            if (isEnabledAdmin(before) && !staysAdmin && otherEnabledAdmins(h, username) == 0) {
                return Change.LAST_ADMIN;
            }
            h.createUpdate("update users set role = :r, disabled = :d, updated_at = :now where username = :u")
                    .bind("r", role == null ? before.roleName() : role.wireName())
                    .bind("d", disabled == null ? before.disabled() : disabled)
                    .bind("now", now).bind("u", username).execute();
            return Change.DONE;
        });
    }

    /** Deletes an account (its API tokens go with it); refused for the last enabled admin. */
    public Change delete(String username) {
        return db.jdbi().inTransaction(h -> {
            Optional<Account> current = lockedFind(h, username);
            if (current.isEmpty()) {
                return Change.NOT_FOUND;
            }
            if (isEnabledAdmin(current.get()) && otherEnabledAdmins(h, username) == 0) {
                return Change.LAST_ADMIN;
            }
            h.createUpdate("delete from api_tokens where username = :u").bind("u", username).execute();
            h.createUpdate("delete from users where username = :u").bind("u", username).execute();
            return Change.DONE;
        });
    }

    private Optional<Account> lockedFind(Handle h, String username) {
        if (db.isPostgres()) {
            // serialise admin-changing transactions across backends
            h.createQuery("select username from users where role = 'admin' for update").mapTo(String.class).list();
        }
        return h.createQuery("select " + COLUMNS + " from users where username = :u").bind("u", username)
                .map(ConstructorMapper.of(Account.class)).findOne();
    }

    private static boolean isEnabledAdmin(Account account) {
        return account.role() == Role.ADMIN && !account.disabled();
    }

    private static long otherEnabledAdmins(Handle h, String username) {
        return h.createQuery("select count(*) from users where role = 'admin' and disabled = :f and username <> :u")
                .bind("f", false).bind("u", username).mapTo(Long.class).one();
    }
}
