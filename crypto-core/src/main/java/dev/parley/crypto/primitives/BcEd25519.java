package dev.parley.crypto.primitives;

import dev.parley.crypto.secret.SecretBytes;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA512Digest;

/**
 * Ed25519 (RFC 8032, pure) on BouncyCastle's {@code org.bouncycastle.math.ec.rfc8032.Ed25519}, made as strict as
 * libsodium's {@code crypto_sign_verify_detached}: on top of BouncyCastle's own checks (S < L, canonical R and A, A
 * on the curve) it rejects small-order R and A and non-canonical A exactly as libsodium's {@code
 * ge25519_has_small_order} / {@code ge25519_is_canonical} do. Key conversion follows
 * {@code crypto_sign_ed25519_pk_to_curve25519} (u = (1 + y) / (1 - y) mod p, prime-order points only) and
 * {@code crypto_sign_ed25519_sk_to_curve25519} (clamped SHA-512(seed)[0..32]).
 */
final class BcEd25519 implements Ed25519 {
    private final RandomSource random;

    BcEd25519(RandomSource random) {
        this.random = random;
    }

    @Override
    public Ed25519KeyPair generateKeyPair() {
        try (SecretBytes seed = SecretBytes.wrap(random.bytes(SEED_BYTES))) {
            return keyPairFromSeed(seed);
        }
    }

    @Override
    public Ed25519KeyPair keyPairFromSeed(SecretBytes seed) {
        byte[] s = Inputs.secret(seed, SEED_BYTES, "Ed25519 seed");
        try {
            byte[] pk = new byte[PUBLIC_KEY_BYTES];
            org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(s, 0, pk, 0);
            return new Ed25519KeyPair(pk, SecretBytes.copyOf(s));
        } finally {
            SecretBytes.wipe(s);
        }
    }

    @Override
    public byte[] sign(Ed25519KeyPair keyPair, byte[] message) {
        Inputs.notNull(message, "message");
        byte[] s = Inputs.secret(keyPair.seed(), SEED_BYTES, "Ed25519 seed");
        try {
            byte[] signature = new byte[SIGNATURE_BYTES];
            // This overload derives the public key from the seed itself, never trusting keyPair.publicKey().
            org.bouncycastle.math.ec.rfc8032.Ed25519.sign(s, 0, message, 0, message.length, signature, 0);
            return signature;
        } finally {
            SecretBytes.wipe(s);
        }
    }

    @Override
    public void verify(byte[] publicKey, byte[] message, byte[] signature) throws InvalidSignatureException {
        Inputs.notNull(message, "message");
        if (publicKey == null || publicKey.length != PUBLIC_KEY_BYTES) {
            throw new InvalidSignatureException("Ed25519 public key must be 32 bytes");
        }
        if (signature == null || signature.length != SIGNATURE_BYTES) {
            throw new InvalidSignatureException("Ed25519 signature must be 64 bytes");
        }
        byte[] r = Arrays.copyOf(signature, 32);
        boolean strictlyAcceptable = !Ed25519Encoding.hasSmallOrder(r)
                && Ed25519Encoding.isCanonicalY(publicKey)
                && !Ed25519Encoding.hasSmallOrder(publicKey);
        if (!strictlyAcceptable || !org.bouncycastle.math.ec.rfc8032.Ed25519.verify(
                signature, 0, publicKey, 0, message, 0, message.length)) {
            throw new InvalidSignatureException("Ed25519 signature did not verify");
        }
    }

    @Override
    public byte[] toX25519PublicKey(byte[] ed25519PublicKey) throws InvalidPublicKeyException {
        Inputs.publicKey(ed25519PublicKey, PUBLIC_KEY_BYTES);
        if (!Ed25519Encoding.isCanonicalY(ed25519PublicKey)) {
            throw new InvalidPublicKeyException("Ed25519 public key is not canonically encoded");
        }
        if (Ed25519Encoding.hasSmallOrder(ed25519PublicKey)
                || !org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyFull(ed25519PublicKey, 0)) {
            throw new InvalidPublicKeyException("Ed25519 public key is not a valid prime-order point");
        }
        BigInteger y = Ed25519Encoding.yCoordinate(ed25519PublicKey);
        BigInteger p = Ed25519Encoding.P;
        BigInteger u = BigInteger.ONE.add(y).multiply(BigInteger.ONE.subtract(y).mod(p).modInverse(p)).mod(p);
        return littleEndian32(u);
    }

    @Override
    public X25519KeyPair toX25519KeyPair(Ed25519KeyPair keyPair) {
        byte[] s = Inputs.secret(keyPair.seed(), SEED_BYTES, "Ed25519 seed");
        byte[] h = new byte[64];
        byte[] scalar = null;
        try {
            SHA512Digest sha = new SHA512Digest();
            sha.update(s, 0, s.length);
            sha.doFinal(h, 0);
            scalar = Arrays.copyOf(h, X25519.KEY_BYTES);
            scalar[0] &= (byte) 248;
            scalar[31] &= 127;
            scalar[31] |= 64;
            byte[] publicKey = new byte[X25519.KEY_BYTES];
            org.bouncycastle.math.ec.rfc7748.X25519.scalarMultBase(scalar, 0, publicKey, 0);
            return new X25519KeyPair(publicKey, SecretBytes.copyOf(scalar));
        } finally {
            SecretBytes.wipe(s);
            SecretBytes.wipe(h);
            SecretBytes.wipe(scalar);
        }
    }

    private static byte[] littleEndian32(BigInteger value) {
        byte[] bigEndian = value.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < bigEndian.length && i < 32; i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return out;
    }
}
