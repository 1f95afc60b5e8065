package kanade.cli.backend;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import kanade.cli.CliEnvironment;
import picocli.CommandLine;

/**
 * Where the backend is and which token the CLI sends it: the URL from {@code --backend-url}, else
 * {@code KANADE_BACKEND_URL}, else the stored login's, else {@link #DEFAULT_URL}; the token from
 * {@code KANADE_AUTH_TOKEN}, else the stored login's when it is for that URL (a session token is never sent to
 * another backend). The backend counts as configured when there is a token, a login or a URL was given: then
 * {@code run}, {@code ping} and {@code kill} go through it; otherwise they talk to the broker directly (kanade's
 * unauthenticated mode). Loads no HTTP or JSON classes, so the broker path stays as quick to start as before.
 *
 * @param loginElsewhere the URL of a stored login that is not for {@code url} (for the message that asks to log in)
 */
public record BackendAccess(String url, Optional<String> token, String tokenSource, Optional<String> loginElsewhere,
                            boolean configured) {
    /** The backend's address when none is given. */
    public static final String DEFAULT_URL = "http://127.0.0.1:8080";
    /** The environment variable with the backend's URL. */
    public static final String URL_VAR = "KANADE_BACKEND_URL";
    /** The environment variable with an API token (it wins over the stored login). */
    public static final String TOKEN_VAR = "KANADE_AUTH_TOKEN";

    /** The backend of the running command line (the root's inherited {@code --backend-url}). */
    public static BackendAccess of(CommandLine.Model.CommandSpec spec) {
        CliEnvironment env = CliEnvironment.of(spec);
        String flag = blankToNull(spec.root().findOption("--backend-url").getValue());
        String given = flag != null ? checked(flag) : checked(blankToNull(env.env().get(URL_VAR)));
        String envToken = blankToNull(env.env().get(TOKEN_VAR));
        TokenFile file = TokenFile.in(env.configDir());
        Optional<TokenFile.Login> login = envToken != null ? Optional.empty() : file.read();
        String url = given != null ? given : login.map(TokenFile.Login::backendUrl).map(BackendAccess::checked)
                .orElse(DEFAULT_URL);
        if (envToken != null) {
            return new BackendAccess(url, Optional.of(envToken), TOKEN_VAR, Optional.empty(), true);
        }
        Optional<TokenFile.Login> usable = login.filter(l -> checked(l.backendUrl()).equals(url));
        return new BackendAccess(url, usable.map(TokenFile.Login::token), file.path().toString(),
                login.filter(l -> usable.isEmpty()).map(TokenFile.Login::backendUrl),
                given != null || login.isPresent());
    }

    /** The same backend without a token (for the login call). */
    public BackendAccess anonymous() {
        return new BackendAccess(url, Optional.empty(), tokenSource, Optional.empty(), configured);
    }

    /** The same backend with {@code other} as the token (a fresh session). */
    public BackendAccess withToken(String other) {
        return new BackendAccess(url, Optional.of(other), "the login", Optional.empty(), configured);
    }

    @Override
    public String toString() {
        return "BackendAccess[" + url + ", token " + (token.isPresent() ? "from " + tokenSource : "none") + "]";
    }

    private static String checked(String url) {
        if (url == null) {
            return null;
        }
        String trimmed = url.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--backend-url / " + URL_VAR + " is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("--backend-url / " + URL_VAR + " must look like http://host:port or "
                    + "https://host:port");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("--backend-url / " + URL_VAR + " must not carry credentials; "
                    + "use `kanade login` or " + TOKEN_VAR);
        }
        return trimmed;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
