package kanade.runtime.secret;

import java.util.Map;
import java.util.Optional;

/** Reads secrets from environment variables (non-empty values only). */
public final class EnvSecretSource implements SecretSource {
    private final Map<String, String> env;

    public EnvSecretSource(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public Optional<Secret> lookup(SecretName name) {
        String value = env.get(name.envVar());
        return value == null || value.isEmpty() ? Optional.empty()
                : Optional.of(new Secret(value, "env " + name.envVar()));
    }
}
