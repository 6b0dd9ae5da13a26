package dev.parley.crypto.primitives;

import dev.parley.crypto.secret.SecretBytes;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;

/**
 * ML-KEM-1024 (FIPS 203) over BouncyCastle's lightweight API, with the randomness passed in so that callers inject
 * it: a key pair is derived from its 64-byte seed {@code d || z} (FIPS 203 ML-KEM.KeyGen_internal), an encapsulation
 * from its 32-byte message {@code m} (ML-KEM.Encaps_internal). A private key is kept as its seed only.
 * No libsodium counterpart exists, so both providers use this class.
 */
public final class MlKem1024 {
    public static final int SEED_BYTES = 64;
    public static final int MESSAGE_BYTES = 32;
    public static final int PUBLIC_KEY_BYTES = 1568;
    public static final int CIPHERTEXT_BYTES = 1568;
    public static final int SHARED_SECRET_BYTES = 32;

    private static final MLKEMParameters PARAMETERS = MLKEMParameters.ml_kem_1024;

    private MlKem1024() {
    }

    /** The encapsulation (public) key of the key pair whose seed is {@code d || z}. */
    public static byte[] publicKey(SecretBytes seed) {
        return privateKey(seed).getPublicKeyParameters().getEncoded();
    }

    /** A ciphertext and the 32-byte shared secret it carries. */
    public record Encapsulation(byte[] ciphertext, SecretBytes sharedSecret) {
        public Encapsulation {
            ciphertext = ciphertext.clone();
        }

        @Override
        public byte[] ciphertext() {
            return ciphertext.clone();
        }

        @Override
        public String toString() {
            return "Encapsulation[secret hidden]";
        }
    }

    /**
     * ML-KEM.Encaps_internal(ek, m).
     *
     * @throws InvalidPublicKeyException if {@code publicKey} is not a well-formed ML-KEM-1024 encapsulation key
     *                                   (wrong length or a coefficient not reduced modulo q, FIPS 203 section 7.2)
     */
    public static Encapsulation encapsulate(byte[] publicKey, SecretBytes message) throws InvalidPublicKeyException {
        if (publicKey == null || publicKey.length != PUBLIC_KEY_BYTES) {
            throw new InvalidPublicKeyException("ML-KEM-1024 public key: 1568 bytes expected");
        }
        if (message.length() != MESSAGE_BYTES) {
            throw new IllegalArgumentException("ML-KEM encapsulation: 32 random bytes expected");
        }
        MLKEMPublicKeyParameters key;
        SecretWithEncapsulation result;
        byte[] m = message.bytes();
        try {
            key = new MLKEMPublicKeyParameters(PARAMETERS, publicKey);
            result = MLKEMGenerator.internalGenerateEncapsulated(key, m);
        } catch (IllegalArgumentException e) {
            throw new InvalidPublicKeyException("ML-KEM-1024 public key is malformed");
        } finally {
            SecretBytes.wipe(m);
        }
        byte[] secret = result.getSecret();
        try {
            return new Encapsulation(result.getEncapsulation(), SecretBytes.wrap(secret.clone()));
        } finally {
            SecretBytes.wipe(secret);
        }
    }

    /**
     * ML-KEM.Decaps(dk, c) with the private key given by its seed. A ciphertext that was not made for this key
     * yields an unrelated pseudorandom secret (implicit rejection), never an error; the caller's AEAD then fails.
     *
     * @throws IllegalArgumentException if the ciphertext has the wrong length
     */
    public static SecretBytes decapsulate(SecretBytes seed, byte[] ciphertext) {
        if (ciphertext == null || ciphertext.length != CIPHERTEXT_BYTES) {
            throw new IllegalArgumentException("ML-KEM-1024 ciphertext: 1568 bytes expected");
        }
        MLKEMPrivateKeyParameters key = privateKey(seed);
        try {
            return SecretBytes.wrap(new MLKEMExtractor(key).extractSecret(ciphertext));
        } finally {
            key.destroy();
        }
    }

    private static MLKEMPrivateKeyParameters privateKey(SecretBytes seed) {
        if (seed.length() != SEED_BYTES) {
            throw new IllegalArgumentException("ML-KEM seed: 64 bytes expected");
        }
        byte[] bytes = seed.bytes();
        try {
            return new MLKEMPrivateKeyParameters(PARAMETERS, bytes);
        } finally {
            SecretBytes.wipe(bytes);
        }
    }
}
