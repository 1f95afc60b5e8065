package kanade.runtime.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Reads REG_SZ secrets under {@code HKLM\SOFTWARE\kanade\<role>} with {@code reg.exe query} (deploy scripts restrict
 * the key to SYSTEM and Administrators). Only used on Windows; the value never appears on a command line.
 */
public final class WindowsRegistrySecretSource implements SecretSource {

    @Override
    public Optional<Secret> lookup(SecretName name) {
        ProcessBuilder pb = new ProcessBuilder("reg", "query", name.registryKey(), "/v", name.registryValue())
                .redirectErrorStream(true);
        try {
            Process process = pb.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return Optional.empty();
            }
            return parse(out, name);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Extracts the value from {@code reg query} output ({@code    NatsToken    REG_SZ    value}). */
    static Optional<Secret> parse(String regOutput, SecretName name) {
        for (String line : regOutput.split("\\R")) {
            String trimmed = line.trim();
            if (trimmed.startsWith(name.registryValue() + " ") || trimmed.startsWith(name.registryValue() + "\t")) {
                int type = trimmed.indexOf("REG_SZ");
                if (type > 0) {
                    String value = trimmed.substring(type + "REG_SZ".length()).trim();
                    if (!value.isEmpty()) {
                        return Optional.of(new Secret(value, "registry " + name.registryKey() + "\\" + name.registryValue()));
                    }
                }
            }
        }
        return Optional.empty();
    }
}
