package kanade.runtime.secret;

import java.util.List;
import java.util.Optional;

/** Asks each source in order; the first that has the secret wins. */
public final class ChainedSecretSource implements SecretSource {
    private final List<SecretSource> sources;

    public ChainedSecretSource(List<SecretSource> sources) {
        this.sources = List.copyOf(sources);
    }

    @Override
    public Optional<Secret> lookup(SecretName name) {
        for (SecretSource source : sources) {
            Optional<Secret> found = source.lookup(name);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
