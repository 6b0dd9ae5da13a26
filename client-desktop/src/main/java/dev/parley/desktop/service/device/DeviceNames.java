package dev.parley.desktop.service.device;

import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.kdf.Kdf;
import dev.parley.crypto.primitives.AuthenticationFailedException;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.SecretBox;
import dev.parley.crypto.secret.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Issue #17: device names are opaque to the relay (part 2, {@code device_add}): a device's name is sealed under a key
 * only the account's devices can derive, from the identity key they share:
 * {@code key = HKDF-SHA256(salt = none, ikm = identity seed, info = "parley/v2/device-name", 32)},
 * {@code sealed = nonce (24) || XSalsa20-Poly1305(key, nonce, UTF-8 name)}.
 */
final class DeviceNames {
    private static final byte[] INFO = "parley/v2/device-name".getBytes(StandardCharsets.US_ASCII);

    private final CryptoProvider crypto;

    DeviceNames(CryptoProvider crypto) {
        this.crypto = crypto;
    }

    byte[] seal(IdentityKeyPair identity, String name) {
        byte[] nonce = crypto.random().bytes(SecretBox.NONCE_BYTES);
        try (SecretBytes key = key(identity)) {
            byte[] box = crypto.secretBox().seal(key, nonce, name.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, nonce.length + box.length);
            System.arraycopy(box, 0, out, nonce.length, box.length);
            return out;
        }
    }

    /** The name, or empty if it was not sealed by a device of this account (or is not there). */
    Optional<String> open(IdentityKeyPair identity, byte[] sealed) {
        if (sealed.length < SecretBox.NONCE_BYTES + SecretBox.MAC_BYTES) {
            return Optional.empty();
        }
        try (SecretBytes key = key(identity)) {
            byte[] name = crypto.secretBox().open(key, Arrays.copyOf(sealed, SecretBox.NONCE_BYTES),
                    Arrays.copyOfRange(sealed, SecretBox.NONCE_BYTES, sealed.length));
            return Optional.of(new String(name, StandardCharsets.UTF_8));
        } catch (AuthenticationFailedException e) {
            return Optional.empty();
        }
    }

    private SecretBytes key(IdentityKeyPair identity) {
        byte[] seed = identity.signingKeyPair().seed().bytes();
        try {
            return SecretBytes.wrap(new Kdf(crypto).hkdfSha256(null, seed, INFO, 32));
        } finally {
            SecretBytes.wipe(seed);
        }
    }
}
