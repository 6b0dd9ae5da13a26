package dev.parley.crypto.primitives;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;

/**
 * Every primitive in pure Java on BouncyCastle's lightweight API, byte-compatible with {@link LibsodiumProvider}.
 * The fallback when libsodium cannot load, and an independent cross-check of it. Obtain it from
 * {@link CryptoProviders#bouncyCastle()}.
 */
final class BouncyCastleProvider implements CryptoProvider {
    static final String NAME = "bouncycastle";

    private final RandomSource random;
    private final X25519 x25519;
    private final Ed25519 ed25519;
    private final SecretBox secretBox;
    private final Box box;
    private final SealedBox sealedBox;
    private final Hmac hmac;
    private final Hkdf hkdf;
    private final PasswordHasher argon2id;

    BouncyCastleProvider() {
        this(new SecureRandomSource());
    }

    BouncyCastleProvider(RandomSource random) {
        this.random = random;
        this.x25519 = new BcX25519(random);
        this.ed25519 = new BcEd25519(random);
        this.secretBox = new BcSecretBox();
        this.box = new BcBox();
        this.sealedBox = new BcSealedBox(x25519, box);
        this.hmac = new BcHmac();
        this.hkdf = new BcHkdf();
        this.argon2id = new BcArgon2id();
    }

    @Override
    public String name() {
        return NAME;
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
        return digest(new SHA512Digest(), data);
    }

    @Override
    public byte[] sha256(byte[] data) {
        return digest(new SHA256Digest(), data);
    }

    private static byte[] digest(Digest digest, byte[] data) {
        Inputs.notNull(data, "data");
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    @Override
    public String toString() {
        return "BouncyCastleProvider";
    }
}
