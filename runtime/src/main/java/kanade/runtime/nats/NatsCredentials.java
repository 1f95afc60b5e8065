package kanade.runtime.nats;

import io.nats.client.Nats;
import io.nats.client.Options;
import java.util.Map;
import kanade.runtime.secret.Secret;
import kanade.runtime.secret.SecretName;
import kanade.runtime.secret.SecretSource;

/**
 * How a program proves itself to the broker: an NKey seed (agents), a user and password (backend, operator-admin),
 * kanade's shared token (the compatible but weaker mode of a broker set up kanade's way), or nothing. Secrets go
 * only to jnats; {@link #describe()} is safe to log.
 */
public sealed interface NatsCredentials {
    /** No credential (a broker without auth, as in kanade's own quick start). */
    record None() implements NatsCredentials {
        @Override
        public void applyTo(Options.Builder options) {
        }

        @Override
        public String describe() {
            return "no credentials";
        }
    }

    /** kanade's shared token ({@code authorization { token }}). */
    record Token(Secret token) implements NatsCredentials {
        @Override
        public void applyTo(Options.Builder options) {
            options.token(token.reveal().toCharArray());
        }

        @Override
        public String describe() {
            return "token from " + token.origin();
        }
    }

    /** The agent role's NKey: the broker holds the public key, the agent signs the server's nonce with the seed. */
    record NKeySeed(Secret seed) implements NatsCredentials {
        @Override
        public void applyTo(Options.Builder options) {
            options.authHandler(Nats.staticCredentials(null, seed.reveal().toCharArray()));
        }

        @Override
        public String describe() {
            return "nkey seed from " + seed.origin();
        }
    }

    /** A user and password (the backend's, or the operator-admin's). */
    record UserPassword(String user, Secret password) implements NatsCredentials {
        @Override
        public void applyTo(Options.Builder options) {
            options.userInfo(user.toCharArray(), password.reveal().toCharArray());
        }

        @Override
        public String describe() {
            return "user " + user + " (password from " + password.origin() + ")";
        }
    }

    /** Adds the credential to {@code options}. */
    void applyTo(Options.Builder options);

    /** What kind of credential this is and where it came from, never the secret. */
    String describe();

    static NatsCredentials none() {
        return new None();
    }

    /** A token credential, or none for null. */
    static NatsCredentials token(Secret token) {
        return token == null ? none() : new Token(token);
    }

    /** The agent's: KANADE_NATS_NKEY_SEED (registry first on Windows), else kanade's token, else none. */
    static NatsCredentials forAgent(SecretSource secrets) {
        return secrets.lookup(SecretName.AGENT_NATS_NKEY_SEED).<NatsCredentials>map(NKeySeed::new)
                .orElseGet(() -> token(secrets.lookup(SecretName.AGENT_NATS_TOKEN).orElse(null)));
    }

    /** The backend's: KANADE_NATS_USER (default kanade-backend) with KANADE_NATS_PASSWORD, else the token, else none. */
    static NatsCredentials forBackend(SecretSource secrets, Map<String, String> env) {
        return userOr(secrets, env, SecretName.BACKEND_NATS_PASSWORD, "kanade-backend", SecretName.BACKEND_NATS_TOKEN);
    }

    /** The CLI's (operator-admin): KANADE_NATS_USER (default kanade-admin) with KANADE_NATS_PASSWORD, else the token. */
    static NatsCredentials forCli(SecretSource secrets, Map<String, String> env) {
        return userOr(secrets, env, SecretName.CLI_NATS_PASSWORD, "kanade-admin", SecretName.CLI_NATS_TOKEN);
    }

    private static NatsCredentials userOr(SecretSource secrets, Map<String, String> env, SecretName password,
                                          String defaultUser, SecretName tokenName) {
        String user = env.getOrDefault("KANADE_NATS_USER", "").strip();
        return secrets.lookup(password).<NatsCredentials>map(p -> new UserPassword(user.isEmpty() ? defaultUser : user, p))
                .orElseGet(() -> token(secrets.lookup(tokenName).orElse(null)));
    }
}
