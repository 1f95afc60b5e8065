package kanade.backend.api;

import kanade.protocol.wire.WireFormatException;

/** The request bodies of the auth, account and token routes; required fields are checked when parsed. */
public final class AuthRequests {
    private AuthRequests() {
    }

    /** POST /api/auth/login. */
    public record Login(String username, String password) {
        public Login {
            required(username, "username");
            required(password, "password");
        }
    }

    /** POST /api/auth/change-password. */
    public record ChangePassword(String oldPassword, String newPassword) {
        public ChangePassword {
            required(oldPassword, "old_password");
            required(newPassword, "new_password");
        }
    }

    /** POST /api/accounts: a new account must change its password at first login. */
    public record CreateAccount(String username, String password, String role) {
        public CreateAccount {
            required(username, "username");
            required(password, "password");
            required(role, "role");
        }
    }

    /** PATCH /api/accounts/{username}: any of role, password (a reset: must change at next login), disabled. */
    public record UpdateAccount(String role, String password, Boolean disabled) {
        public UpdateAccount {
            if (role == null && password == null && disabled == null) {
                throw new WireFormatException("send at least one of role, password, disabled");
            }
        }
    }

    /** POST /api/tokens: {@code username} defaults to the caller; {@code expires_in} is humantime (90d), none = never. */
    public record CreateToken(String name, String username, String expiresIn) {
        public CreateToken {
            required(name, "name");
        }
    }

    private static void required(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw new WireFormatException(field + " is required");
        }
    }
}
