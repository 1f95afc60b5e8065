package kanade.runtime.secret;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import kanade.runtime.config.OsFamily;

/** Looks secrets up: the Windows registry first (on Windows), then the environment. */
public interface SecretSource {

    /** The secret, or empty when this source does not have it. */
    Optional<Secret> lookup(SecretName name);

    /** The platform's chain: registry then environment on Windows; environment only elsewhere. */
    static SecretSource forPlatform(OsFamily os, Map<String, String> env) {
        SecretSource fromEnv = new EnvSecretSource(env);
        if (os == OsFamily.WINDOWS) {
            return new ChainedSecretSource(List.of(new WindowsRegistrySecretSource(), fromEnv));
        }
        return fromEnv;
    }
}
