package kanade.backend.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kanade.backend.api.Role;
import kanade.backend.store.Database;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * The {@code users} table. Changes that could remove the last enabled admin check and write in one statement, so
 * no interleaving of requests (or backends) leaves the fleet without an enabled admin.
 */
public final class AccountStore {
    /** The row is not an enabled admin, or another enabled admin remains. */
    private static final String KEEPS_AN_ADMIN = "(not (role = 'admin' and disabled = :f) or exists (select 1 from "
            + "users other where other.role = 'admin' and other.disabled = :f and other.username <> :u))";
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

    /**
     * Sets role and/or disabled (null leaves it); refused when it would leave no enabled admin. One conditional
     * statement (no read-then-write transaction, which SQLite refuses while the projector writes).
     */
    public Change update(String username, Role role, Boolean disabled, Instant now) {
        int changed = db.jdbi().withHandle(h -> h.createUpdate("update users set role = coalesce(:r, role), "
                        + "disabled = coalesce(:d, disabled), updated_at = :now where username = :u and ("
                        + "(coalesce(:r, role) = 'admin' and coalesce(:d, disabled) = :f) or " + KEEPS_AN_ADMIN + ")")
                .bindByType("r", role == null ? null : role.wireName(), String.class)
                .bindByType("d", disabled, Boolean.class).bind("f", false).bind("now", now).bind("u", username)
                .execute());
        return changed == 1 ? Change.DONE : find(username).isEmpty() ? Change.NOT_FOUND : Change.LAST_ADMIN;
    }

    /** Deletes an account, then its API tokens; refused for the last enabled admin. */
    public Change delete(String username) {
        int deleted = db.jdbi().withHandle(h -> h.createUpdate("delete from users where username = :u and "
                + KEEPS_AN_ADMIN).bind("u", username).bind("f", false).execute());
        if (deleted == 0) {
            return find(username).isEmpty() ? Change.NOT_FOUND : Change.LAST_ADMIN;
        }
        db.jdbi().useHandle(h -> h.createUpdate("delete from api_tokens where username = :u").bind("u", username)
                .execute());
        return Change.DONE;
    }

}
