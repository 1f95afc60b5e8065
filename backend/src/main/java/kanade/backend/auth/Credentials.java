package kanade.backend.auth;

import java.util.regex.Pattern;
import kanade.backend.api.ApiException;
import kanade.backend.api.ErrorCode;

/** The rules for account names and passwords, with messages that say what to write instead. */
public final class Credentials {
    public static final int MIN_PASSWORD = 8;
    /** Argon2 input is bounded so a huge password cannot cost the backend time. */
    public static final int MAX_PASSWORD = 1024;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    private static final Pattern TOKEN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private Credentials() {
    }

    public static String username(String value, String field) {
        if (value == null || !USERNAME.matcher(value).matches()) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, field + " must be 1-64 characters: letters, digits and "
                    + "._@- (starting with a letter or digit)");
        }
        return value;
    }

    public static String password(String value, String field) {
        if (value == null || value.codePointCount(0, value.length()) < MIN_PASSWORD) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, field + " must have at least " + MIN_PASSWORD
                    + " characters");
        }
        if (value.length() > MAX_PASSWORD) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, field + " must have at most " + MAX_PASSWORD
                    + " characters");
        }
        return value;
    }

    public static String tokenName(String value) {
        if (value == null || !TOKEN_NAME.matcher(value).matches()) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "name must be 1-128 characters: letters, digits and ._-");
        }
        return value;
    }
}
