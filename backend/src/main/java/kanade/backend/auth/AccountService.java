package kanade.backend.auth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import kanade.backend.api.ApiException;
import kanade.backend.api.ErrorCode;
import kanade.backend.api.Role;
import kanade.runtime.audit.AuditPolicy;

/**
 * Admin account management: list, create, change role / password / disabled, delete. Each change is audited first
 * (never with the password); the last enabled admin cannot be demoted, disabled or deleted (409 last_admin). A reset
 * password must be changed at the next login.
 */
public final class AccountService {
    private final AccountStore accounts;
    private final PasswordHasher hasher;
    private final AuditPolicy audit;
    private final Clock clock;

    /** An account as the API shows it: never the hash. */
    public record AccountView(String username, String role, boolean disabled, boolean mustChangePw,
                              Instant createdAt, Instant updatedAt, Instant lastLoginAt) {
        static AccountView of(Account a) {
            return new AccountView(a.username(), a.role().wireName(), a.disabled(), a.mustChangePw(), a.createdAt(),
                    a.updatedAt(), a.lastLoginAt());
        }
    }

    public AccountService(AccountStore accounts, PasswordHasher hasher, AuditPolicy audit, Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
    }

    public List<AccountView> list() {
        return accounts.list().stream().map(AccountView::of).toList();
    }

    public AccountView get(String username) {
        return accounts.find(username).map(AccountView::of).orElseThrow(() -> notFound(username));
    }

    /** Creates an account that must change its password at first login. */
    public AccountView create(Identity by, String username, String password, String role) {
        Credentials.username(username, "username");
        Credentials.password(password, "password");
        Role parsed = role(role);
        audit.beforeAction(by.name(), "account_create", username, payload("role", parsed.wireName()));
        Instant now = clock.instant();
        Account account = new Account(username, hasher.hash(password), parsed.wireName(), false, true, now, now, null);
        if (!accounts.insert(account)) {
            throw new ApiException(ErrorCode.CONFLICT, "an account named '" + username + "' already exists");
        }
        return AccountView.of(account);
    }

    /** Applies the fields given (null: unchanged). */
    public AccountView update(Identity by, String username, String role, String password, Boolean disabled) {
        Role parsed = role == null ? null : role(role);
        if (password != null) {
            Credentials.password(password, "password");
        }
        accounts.find(username).orElseThrow(() -> notFound(username));
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        if (parsed != null) {
            payload.put("role", parsed.wireName());
        }
        if (disabled != null) {
            payload.put("disabled", disabled);
        }
        payload.put("password_reset", password != null);
        audit.beforeAction(by.name(), "account_update", username, payload);
        Instant now = clock.instant();
        if (parsed != null || disabled != null) {
            check(accounts.update(username, parsed, disabled, now), username);
        }
        if (password != null) {
            accounts.setPassword(username, hasher.hash(password), true, now);
        }
        return get(username);
    }

    public void delete(Identity by, String username) {
        accounts.find(username).orElseThrow(() -> notFound(username));
        audit.beforeAction(by.name(), "account_delete", username, null);
        check(accounts.delete(username), username);
    }

    private static void check(AccountStore.Change change, String username) {
        switch (change) {
            case NOT_FOUND -> throw notFound(username);
            case LAST_ADMIN -> throw new ApiException(ErrorCode.LAST_ADMIN, "'" + username
                    + "' is the last enabled admin: make another account admin first");
            case DONE -> {
            }
        }
    }

    private static Role role(String name) {
        Role role = Account.parseRole(name);
        if (role == null) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "role must be viewer, operator or admin");
        }
        return role;
    }

    private static ApiException notFound(String username) {
        return new ApiException(ErrorCode.ACCOUNT_NOT_FOUND, "no account named '" + username + "'");
    }

    private static ObjectNode payload(String key, String value) {
        return JsonNodeFactory.instance.objectNode().put(key, value);
    }
}
