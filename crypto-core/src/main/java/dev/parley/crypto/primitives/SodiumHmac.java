package dev.parley.crypto.primitives;

import com.goterl.lazysodium.Sodium;
import com.goterl.lazysodium.interfaces.Auth;

/**
 * HMAC-SHA-256 with keys of any length through libsodium's streaming {@code crypto_auth_hmacsha256_init/update/final}
 * (the one-shot {@code crypto_auth_hmacsha256} only takes 32-byte keys). The native state is zeroed after use.
 */
final class SodiumHmac implements Hmac {
    private final Sodium sodium;

    SodiumHmac(Sodium sodium) {
        this.sodium = sodium;
    }

    @Override
    public byte[] sha256(byte[] key, byte[] data) {
        Inputs.notNull(key, "HMAC key");
        Inputs.notNull(data, "data");
        Auth.StateHMAC256 state = new Auth.StateHMAC256();
        try {
            byte[] mac = new byte[SHA256_BYTES];
            if (sodium.crypto_auth_hmacsha256_init(state, key, key.length) != 0
                    || sodium.crypto_auth_hmacsha256_update(state, data, data.length) != 0
                    || sodium.crypto_auth_hmacsha256_final(state, mac) != 0) {
                throw new IllegalStateException("crypto_auth_hmacsha256 failed");
            }
            return mac;
        } finally {
            state.getPointer().clear(state.size());
        }
    }

    @Override
    public boolean verifySha256(byte[] key, byte[] data, byte[] tag) {
        return TruncatedTag.matches(sha256(key, data), tag);
    }
}
