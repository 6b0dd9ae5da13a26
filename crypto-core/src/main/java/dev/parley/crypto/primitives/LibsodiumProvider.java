package dev.parley.crypto.primitives;

import com.goterl.lazysodium.Sodium;

/**
 * Every primitive through the native libsodium (lazysodium's raw {@link Sodium} JNA interface, byte arrays only).
 * Obtain it from {@link CryptoProviders#libsodium()}.
 */
final class LibsodiumProvider implements CryptoProvider {
    static final String NAME = "libsodium";

    private final NativeSodium nativeSodium;
    private final RandomSource random;
    private final X25519 x25519;
    private final Ed25519 ed25519;
    private final SecretBox secretBox;
    private final Box box;
    private final SealedBox sealedBox;
    private final Hmac hmac;
    private final Hkdf hkdf;
    private final PasswordHasher argon2id;

    /** Uses libsodium's {@code randombytes_buf} for every key, nonce and ephemeral key it generates. */
    LibsodiumProvider(NativeSodium nativeSodium) {
        this(nativeSodium, new SodiumRandomSource(nativeSodium.sodium()));
    }

    /** Uses {@code random} for generated keys (tests pass a deterministic one). */
    LibsodiumProvider(NativeSodium nativeSodium, RandomSource random) {
        Sodium sodium = nativeSodium.sodium();
        this.nativeSodium = nativeSodium;
        this.random = random;
        this.x25519 = new SodiumX25519(sodium, random);
        this.ed25519 = new SodiumEd25519(sodium, random);
        this.secretBox = new SodiumSecretBox(sodium);
        this.box = new SodiumBox(sodium);
        this.sealedBox = new SodiumSealedBox(sodium, x25519, box);
        this.hmac = new SodiumHmac(sodium);
        this.hkdf = new Rfc5869Hkdf(hmac);
        this.argon2id = new SodiumArgon2id(sodium);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** "system" or "bundled": which libsodium binary was loaded. */
    String origin() {
        return nativeSodium.origin();
    }

    @Override
    public X25519 x25519() {
        return x25519;
    }

    @Override
    public Ed25519 ed25519() {
        return ed25519;
    }

    @Override
    public SecretBox secretBox() {
        return secretBox;
    }

    @Override
    public Box box() {
        return box;
    }

    @Override
    public SealedBox sealedBox() {
        return sealedBox;
    }

    @Override
    public Hkdf hkdf() {
        return hkdf;
    }

    @Override
    public Hmac hmac() {
        return hmac;
    }

    @Override
    public PasswordHasher argon2id() {
        return argon2id;
    }

    @Override
    public RandomSource random() {
        return random;
    }

    @Override
    public byte[] sha512(byte[] data) {
        Inputs.notNull(data, "data");
        byte[] out = new byte[64];
        if (nativeSodium.sodium().crypto_hash_sha512(out, data, data.length) != 0) {
            throw new IllegalStateException("crypto_hash_sha512 failed");
        }
        return out;
    }

    @Override
    public byte[] sha256(byte[] data) {
        Inputs.notNull(data, "data");
        byte[] out = new byte[32];
        if (nativeSodium.sodium().crypto_hash_sha256(out, data, data.length) != 0) {
            throw new IllegalStateException("crypto_hash_sha256 failed");
        }
        return out;
    }

    @Override
    public String toString() {
        return "LibsodiumProvider[" + origin() + "]";
    }
}
