package kanade.testkit;

import io.nats.client.NKey;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import kanade.protocol.broker.BrokerRole;
import kanade.protocol.broker.BrokerUsers;

/**
 * How clients prove themselves to a test broker: the broker roles of the product (the default: an agent NKey and
 * backend and admin passwords generated per server, rendered from the role table), kanade's shared token, or a
 * block the caller writes into the extra config itself. Secrets stay in memory and in the broker's config file.
 */
public sealed interface BrokerAuth {
    /** The role credentials of one broker; {@link #env(BrokerRole)} hands them to child processes. */
    record Roles(String agentSeed, String agentPublicKey, BrokerUsers.Login backend, BrokerUsers.Login admin)
            implements BrokerAuth {
        @Override
        public String toString() {
            return "Roles[agent " + agentPublicKey + ", backend " + backend.user() + ", admin " + admin.user() + "]";
        }

        /** Fresh role credentials: a new agent NKey and random backend and admin passwords. */
        public static Roles generate() {
            try {
                SecureRandom random = new SecureRandom();
                NKey agent = NKey.createUser(random);
                return new Roles(new String(agent.getSeed()), new String(agent.getPublicKey()),
                        new BrokerUsers.Login("kanade-backend", password(random)),
                        new BrokerUsers.Login("kanade-admin", password(random)));
            } catch (Exception e) {
                throw new IllegalStateException("cannot generate an agent NKey", e);
            }
        }

        @Override
        public Roles roles() {
            return this;
        }

        @Override
        public List<String> configLines() {
            return List.of(BrokerUsers.authorization(agentPublicKey, backend, admin));
        }

        @Override
        public Options.Builder applyTo(Options.Builder options, BrokerRole role) {
            switch (role) {
                case AGENT -> options.authHandler(Nats.staticCredentials(null, agentSeed.toCharArray()));
                case BACKEND -> options.userInfo(backend.user(), backend.password());
                case ADMIN -> options.userInfo(admin.user(), admin.password());
            }
            return options.inboxPrefix(role.inboxPrefix());
        }

        @Override
        public Map<String, String> env(BrokerRole role) {
            return switch (role) {
                case AGENT -> Map.of("KANADE_NATS_NKEY_SEED", agentSeed);
                case BACKEND -> login(backend);
                case ADMIN -> login(admin);
            };
        }

        private static String password(SecureRandom random) {
            byte[] bytes = new byte[24];
            random.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        }

        private static Map<String, String> login(BrokerUsers.Login login) {
            return Map.of("KANADE_NATS_USER", login.user(), "KANADE_NATS_PASSWORD", login.password());
        }
    }

    /** kanade's shared token ({@code authorization { token }}): the compatible mode agents still accept. */
    record Token(String token) implements BrokerAuth {
        @Override
        public String toString() {
            return "Token[***]";
        }

        @Override
        public List<String> configLines() {
            return List.of("authorization { token: \"" + token + "\" }");
        }

        @Override
        public Options.Builder applyTo(Options.Builder options, BrokerRole role) {
            return options.token(token.toCharArray()).inboxPrefix(role.inboxPrefix());
        }

        @Override
        public Map<String, String> env(BrokerRole role) {
            return Map.of("KANADE_NATS_TOKEN", token);
        }
    }

    /**
     * No block from testkit: the caller's extra config lines carry the {@code authorization} block (tests of
     * generated broker configs); clients add their own credential.
     */
    record InConfig() implements BrokerAuth {
        @Override
        public List<String> configLines() {
            return List.of();
        }

        @Override
        public Options.Builder applyTo(Options.Builder options, BrokerRole role) {
            return options.inboxPrefix(role.inboxPrefix());
        }

        @Override
        public Map<String, String> env(BrokerRole role) {
            return Map.of();
        }
    }

    /** A broker with kanade's shared token instead of the roles (the CLI's direct mode, its bench). */
    static BrokerAuth token(String token) {
        return new Token(token);
    }

    static BrokerAuth inConfig() {
        return new InConfig();
    }

    /** The role credentials; fails unless the broker runs with the broker roles. */
    default Roles roles() {
        throw new IllegalStateException("this broker runs with " + this + ", not the broker roles");
    }

    /** The config lines that set this up in nats-server (none for {@link InConfig}). */
    List<String> configLines();

    /** Adds {@code role}'s credential and inbox prefix to {@code options}. */
    Options.Builder applyTo(Options.Builder options, BrokerRole role);

    /** The environment a Kanade program of {@code role} reads its broker credential from. */
    Map<String, String> env(BrokerRole role);
}
