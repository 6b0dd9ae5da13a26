package dev.parley.crypto.identity;

import dev.parley.crypto.exceptions.CorruptStateException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.Ed25519;
import dev.parley.crypto.primitives.Ed25519KeyPair;
import dev.parley.crypto.primitives.RandomSource;
import dev.parley.crypto.primitives.X25519KeyPair;
import dev.parley.crypto.secret.SecretBytes;
import javax.security.auth.Destroyable;

/**
 * The local user's long-term identity: an Ed25519 key pair (signatures over signed prekeys) and its X25519 form
 * (X3DH and the sealed-sender MAC), derived once at construction as libsodium's {@code crypto_sign_ed25519_*_to_curve25519}
 * do. Only the 32-byte seed is secret state; {@link #serialize()} stores it with a version byte.
 */
public final class IdentityKeyPair implements Destroyable, AutoCloseable {
    /** Version byte of {@link #serialize()}. */
    public static final byte FORMAT_VERSION = 1;
    public static final int SERIALIZED_BYTES = 1 + Ed25519.SEED_BYTES;

    private final IdentityKey publicKey;
    private final Ed25519KeyPair signing;
    private final X25519KeyPair agreement;

    private IdentityKeyPair(Ed25519KeyPair signing, X25519KeyPair agreement) {
        this.publicKey = new IdentityKey(signing.publicKey());
        this.signing = signing;
        this.agreement = agreement;
    }

    /** A new identity from 32 bytes of {@code random}. */
    public static IdentityKeyPair generate(CryptoProvider provider, RandomSource random) {
        byte[] seed = random.bytes(Ed25519.SEED_BYTES);
        try {
            return fromSeed(provider, SecretBytes.wrap(seed));
        } finally {
            SecretBytes.wipe(seed);
        }
    }

    /** The identity whose Ed25519 seed is {@code seed} (copied; the caller keeps ownership of its argument). */
    public static IdentityKeyPair fromSeed(CryptoProvider provider, SecretBytes seed) {
        Ed25519KeyPair signing = provider.ed25519().keyPairFromSeed(seed.copy());
        return new IdentityKeyPair(signing, provider.ed25519().toX25519KeyPair(signing));
    }

    /** Parses {@link #serialize()} output. */
    public static IdentityKeyPair deserialize(CryptoProvider provider, byte[] serialized)
            throws UnsupportedVersionException, CorruptStateException {
        if (serialized == null || serialized.length == 0) {
            throw new CorruptStateException("identity key pair: empty input");
        }
        if (serialized[0] != FORMAT_VERSION) {
            throw new UnsupportedVersionException("identity key pair: unknown format version " + serialized[0]);
        }
        if (serialized.length != SERIALIZED_BYTES) {
            throw new CorruptStateException("identity key pair: wrong length");
        }
        byte[] seed = new byte[Ed25519.SEED_BYTES];
        System.arraycopy(serialized, 1, seed, 0, seed.length);
        try (SecretBytes secret = SecretBytes.wrap(seed)) {
            return fromSeed(provider, secret);
        }
    }

    /** {@code version (1 byte) || Ed25519 seed (32)}: secret; store it only encrypted. */
    public byte[] serialize() {
        byte[] seed = signing.seed().bytes();
        byte[] out = new byte[SERIALIZED_BYTES];
        out[0] = FORMAT_VERSION;
        System.arraycopy(seed, 0, out, 1, seed.length);
        SecretBytes.wipe(seed);
        return out;
    }

    public IdentityKey publicKey() {
        return publicKey;
    }

    /** The Ed25519 key pair, for signing prekeys. */
    public Ed25519KeyPair signingKeyPair() {
        return signing;
    }

    /** The X25519 form, for Diffie-Hellman. */
    public X25519KeyPair agreementKeyPair() {
        return agreement;
    }

    @Override
    public void destroy() {
        signing.destroy();
        agreement.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return signing.isDestroyed();
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return "IdentityKeyPair[" + publicKey + ", private key hidden]";
    }
}
