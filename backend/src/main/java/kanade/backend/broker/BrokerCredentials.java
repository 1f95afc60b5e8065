package kanade.backend.broker;

import io.nats.client.NKey;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import kanade.protocol.broker.BrokerUsers;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * The broker's credentials by role, generated once into a directory only their owner can read: the agent role's
 * NKey, the backend's and the operator-admin's passwords. Renders {@code nats-auth.conf} for nats-server (public key
 * and bcrypt hashes only) and one env file per role ({@code agent.env}, {@code backend.env}, {@code admin.env}) that
 * hands each program its own credential through the environment, never argv.
 */
public final class BrokerCredentials {
    public static final String AUTH_CONF = "nats-auth.conf";
    public static final String BACKEND_USER = "kanade-backend";
    public static final String ADMIN_USER = "kanade-admin";
    private static final int BCRYPT_COST = 11;

    private final String agentSeed;
    private final String backendPassword;
    private final String adminPassword;

    private BrokerCredentials(String agentSeed, String backendPassword, String adminPassword) {
        this.agentSeed = agentSeed;
        this.backendPassword = backendPassword;
        this.adminPassword = adminPassword;
    }

    /** Fresh credentials. */
    public static BrokerCredentials generate() {
        try {
            SecureRandom random = new SecureRandom();
            String seed = new String(NKey.createUser(random).getSeed());
            return new BrokerCredentials(seed, password(random), password(random));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot create an NKey", e);
        }
    }

    /** The credentials already in {@code dir}, or fresh ones written there when it has none (or {@code rotate}). */
    public static BrokerCredentials inDirectory(Path dir, boolean rotate) {
        Map<String, String> agent = EnvFiles.read(dir.resolve("agent.env"));
        Map<String, String> backend = EnvFiles.read(dir.resolve("backend.env"));
        Map<String, String> admin = EnvFiles.read(dir.resolve("admin.env"));
        BrokerCredentials credentials = !rotate && agent.containsKey("KANADE_NATS_NKEY_SEED")
                && backend.containsKey("KANADE_NATS_PASSWORD") && admin.containsKey("KANADE_NATS_PASSWORD")
                ? new BrokerCredentials(agent.get("KANADE_NATS_NKEY_SEED"), backend.get("KANADE_NATS_PASSWORD"),
                        admin.get("KANADE_NATS_PASSWORD"))
                : generate();
        credentials.writeTo(dir);
        return credentials;
    }

    /** Writes {@code nats-auth.conf} and the three env files into {@code dir} (0700; files 0600). */
    public void writeTo(Path dir) {
        EnvFiles.privateDirectory(dir);
        EnvFiles.write(dir.resolve(AUTH_CONF), "# written by kanade-backend broker-credentials: the broker's users by"
                + " role (kanade.protocol.broker.BrokerRole)\n" + authorization());
        EnvFiles.write(dir.resolve("agent.env"), EnvFiles.render(Map.of("KANADE_NATS_NKEY_SEED", agentSeed)));
        EnvFiles.write(dir.resolve("backend.env"), EnvFiles.render(ordered("KANADE_NATS_USER", BACKEND_USER,
                "KANADE_NATS_PASSWORD", backendPassword)));
        EnvFiles.write(dir.resolve("admin.env"), EnvFiles.render(ordered("KANADE_NATS_USER", ADMIN_USER,
                "KANADE_NATS_PASSWORD", adminPassword)));
    }

    /** The broker's authorization block: the agent's public key, bcrypt hashes of the two passwords. */
    public String authorization() {
        try {
            String agentPublic = new String(NKey.fromSeed(agentSeed.toCharArray()).getPublicKey());
            return BrokerUsers.authorization(agentPublic, new BrokerUsers.Login(BACKEND_USER, bcrypt(backendPassword)),
                    new BrokerUsers.Login(ADMIN_USER, bcrypt(adminPassword)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the agent NKey seed is not valid", e);
        }
    }

    private static String bcrypt(String password) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return OpenBSDBCrypt.generate("2a", password.toCharArray(), salt, BCRYPT_COST);
    }

    private static String password(SecureRandom random) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Map<String, String> ordered(String k1, String v1, String k2, String v2) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }
}
