package dev.parley.crypto.primitives;

import dev.parley.crypto.secret.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Child-JVM entry point for {@link CryptoProvidersTest}: loads libsodium and writes what it got into a file. */
final class BundledLoadProbe {
    private BundledLoadProbe() {
    }

    public static void main(String[] args) throws Exception {
        LibsodiumProvider provider = (LibsodiumProvider) CryptoProviders.libsodium();
        SecretBytes key = SecretBytes.wrap(provider.random().bytes(32));
        byte[] nonce = provider.random().bytes(24);
        byte[] message = {1, 2, 3};
        boolean works = Arrays.equals(message,
                provider.secretBox().open(key, nonce, provider.secretBox().seal(key, nonce, message)));
        Files.writeString(Path.of(args[0]), provider.name() + " " + provider.origin() + " " + (works ? "ok" : "broken"),
                StandardCharsets.UTF_8);
    }
}
