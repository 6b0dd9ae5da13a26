package dev.parley.crypto.primitives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.primitives.Vectors.WycheproofCase;
import dev.parley.crypto.secret.SecretBytes;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input, on both providers: tampered, truncated, extended, wrong-key and wrong-nonce ciphertexts
 * never return data; low-order and malformed keys and wrong lengths give typed exceptions before any native code
 * runs.
 */
class NegativeInputTest {
    private static final byte[] MESSAGE = "attack at dawn, bring snacks".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    /** RFC 8032 TEST 1 public key (a valid prime-order point). */
    private static final byte[] VALID_ED_KEY = Vectors.hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.parley.crypto.primitives.Providers#both")
    void secretBoxRejectsEveryModification(CryptoProvider provider) throws Exception {
        SecretBox box = provider.secretBox();
        SecretBytes key = SecretBytes.wrap(provider.random().bytes(32));
        byte[] nonce = provider.random().bytes(24);
        byte[] sealed = box.seal(key, nonce, MESSAGE);

        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertAuthFails(() -> box.open(key, nonce, tampered), i < 16 ? "tag byte " + i : "ciphertext byte " + i);
        }
        for (int i = 0; i < nonce.length; i++) {
            byte[] otherNonce = nonce.clone();
            otherNonce[i] ^= (byte) 0x80;
            assertAuthFails(() -> box.open(key, otherNonce, sealed), "nonce byte " + i);
        }
        SecretBytes otherKey = SecretBytes.wrap(provider.random().bytes(32));
        assertAuthFails(() -> box.open(otherKey, nonce, sealed), "wrong key");
        for (int length = 0; length < sealed.length; length++) {
            byte[] truncated = Arrays.copyOf(sealed, length);
            assertAuthFails(() -> box.open(key, nonce, truncated), "truncated to " + length);
        }
        assertAuthFails(() -> box.open(key, nonce, Arrays.copyOf(sealed, sealed.length + 1)), "extended");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.parley.crypto.primitives.Providers#both")
    void boxRejectsEveryModification(CryptoProvider provider) throws Exception {
        Box box = provider.box();
        X25519KeyPair alice = provider.x25519().generateKeyPair();
        X25519KeyPair bob = provider.x25519().generateKeyPair();
        X25519KeyPair eve = provider.x25519().generateKeyPair();
        byte[] nonce = provider.random().bytes(24);
        byte[] sealed = box.seal(bob.publicKey(), alice.privateKey(), nonce, MESSAGE);

        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x40;
            assertAuthFails(() -> box.open(alice.publicKey(), bob.privateKey(), nonce, tampered), "byte " + i);
        }
        byte[] otherNonce = nonce.clone();
        otherNonce[23] ^= 1;
        assertAuthFails(() -> box.open(alice.publicKey(), bob.privateKey(), otherNonce, sealed), "nonce");
        assertAuthFails(() -> box.open(eve.publicKey(), bob.privateKey(), nonce, sealed), "wrong sender");
        assertAuthFails(() -> box.open(alice.publicKey(), eve.privateKey(), nonce, sealed), "wrong recipient");
        for (int length = 0; length < sealed.length; length++) {
            byte[] truncated = Arrays.copyOf(sealed, length);
            assertAuthFails(() -> box.open(alice.publicKey(), bob.privateKey(), nonce, truncated), "truncated " + length);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.parley.crypto.primitives.Providers#both")
    void sealedBoxRejectsEveryModification(CryptoProvider provider) throws Exception {
        SealedBox box = provider.sealedBox();
        X25519KeyPair bob = provider.x25519().generateKeyPair();
        X25519KeyPair eve = provider.x25519().generateKeyPair();
        byte[] sealed = box.seal(bob.publicKey(), MESSAGE);

        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x02;
            assertAuthFails(() -> box.open(bob, tampered), i < 32 ? "ephemeral key byte " + i : "box byte " + i);
        }
        assertAuthFails(() -> box.open(eve, sealed), "wrong recipient");
        for (int length = 0; length < sealed.length; length++) {
            byte[] truncated = Arrays.copyOf(sealed, length);
            assertAuthFails(() -> box.open(bob, truncated), "truncated " + length);
        }
        for (byte[] lowOrder : lowOrderPublicKeys()) {
            byte[] forged = sealed.clone();
            System.arraycopy(lowOrder, 0, forged, 0, 32);
            assertAuthFails(() -> box.open(bob, forged), "low-order ephemeral key");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.parley.crypto.primitives.Providers#both")
    void lowOrderPublicKeysAreRejectedEverywhere(CryptoProvider provider) {
        List<byte[]> lowOrder = lowOrderPublicKeys();
        assertThat(lowOrder).hasSizeGreaterThanOrEqualTo(10);
        X25519KeyPair mine = provider.x25519().generateKeyPair();
        byte[] nonce = new byte[24];
        for (byte[] key : lowOrder) {
            assertThatThrownBy(() -> provider.x25519().agree(mine.privateKey(), key))
                    .isInstanceOf(InvalidPublicKeyException.class);
            assertThatThrownBy(() -> provider.box().seal(key, mine.privateKey(), nonce, MESSAGE))
                    .isInstanceOf(InvalidPublicKeyException.class);
            assertThatThrownBy(() -> provider.box().open(key, mine.privateKey(), nonce, new byte[40]))
                    .isInstanceOf(InvalidPublicKeyException.class);
            assertThatThrownBy(() -> provider.sealedBox().seal(key, MESSAGE))
                    .isInstanceOf(InvalidPublicKeyException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.parley.crypto.primitives.Providers#both")
    void wrongLengthsGiveTypedExceptions(CryptoProvider provider) {
        X25519KeyPair pair = provider.x25519().generateKeyPair();
        byte[] nonce = new byte[24];
        for (int length : new int[] {0, 16, 31, 33, 64}) {
            SecretBytes badKey = SecretBytes.wrap(new byte[length]);
            byte[] badPublic = new byte[length];
            assertThatThrownBy(() -> provider.secretBox().seal(badKey, nonce, MESSAGE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secretbox key");
            assertThatThrownBy(() -> provider.secretBox().open(badKey, nonce, new byte[32]))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> provider.x25519().keyPairFrom(badKey))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> provider.x25519().agree(badKey, pair.publicKey()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> provider.x25519().agree(pair.privateKey(), badPublic))
                    .isInstanceOf(InvalidPublicKeyException.class);
            assertThatThrownBy(() -> provider.box().seal(badPublic, pair.privateKey(), nonce, MESSAGE))
                    .isInstanceOf(InvalidPublicKeyException.class);
            assertThatThrownBy(() -> provider.box().seal(pair.publicKey(), badKey, nonce, MESSAGE))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> provider.box().open(badPublic, pair.privateKey(), nonce, new byte[32]))
                    .isInstanceOf(InvalidPublicKeyException.class);
            assertThatThrownBy(() -> provider.sealedBox().seal(badPublic, MESSAGE))
                    .isInstanceOf(InvalidPublicKeyException.class);
            assertThatThrownBy(() -> provider.ed25519().keyPairFromSeed(badKey))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> provider.ed25519().verify(badPublic, MESSAGE, new byte[64]))
                    .isInstanceOf(InvalidSignatureException.class);
            assertThatThrownBy(() -> provider.ed25519().toX25519PublicKey(badPublic))
                    .isInstanceOf(InvalidPublicKeyException.class);
        }
        for (int length : new int[] {0, 8, 23, 25, 32}) {
            SecretBytes key = SecretBytes.wrap(new byte[32]);
            byte[] badNonce = new byte[length];
            assertThatThrownBy(() -> provider.secretBox().seal(key, badNonce, MESSAGE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nonce");
            assertThatThrownBy(() -> provider.secretBox().open(key, badNonce, new byte[32]))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> provider.box().seal(pair.publicKey(), pair.privateKey(), badNonce, MESSAGE))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        for (int length : new int[] {0, 63, 65}) {
            assertThatThrownBy(() -> provider.ed25519().verify(VALID_ED_KEY, MESSAGE, new byte[length]))
                    .isInstanceOf(InvalidSignatureException.class);
        }
        for (int length : new int[] {-1, 0, Hkdf.MAX_OUTPUT_BYTES + 1}) {
            assertThatThrownBy(() -> provider.hkdf().deriveSha256(null, new byte[32], null, length))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        Argon2Params cheap = new Argon2Params(8, 1, 1);
        assertThatThrownBy(() -> provider.argon2id().argon2id(new byte[4], new byte[15], cheap, 32))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("salt");
        assertThatThrownBy(() -> provider.argon2id().argon2id(new byte[4], new byte[16], cheap, 15))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("output");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.parley.crypto.primitives.Providers#both")
    void nullInputsAreRejectedBeforeNativeCode(CryptoProvider provider) {
        SecretBytes key = SecretBytes.wrap(new byte[32]);
        assertThatThrownBy(() -> provider.secretBox().seal(key, null, MESSAGE)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> provider.secretBox().seal(key, new byte[24], null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> provider.secretBox().open(key, new byte[24], null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> provider.hmac().sha256(null, MESSAGE)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> provider.sha256(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> provider.x25519().agree(key, null)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.parley.crypto.primitives.Providers#both")
    void ed25519RejectsForgeriesAndMalleability(CryptoProvider provider) throws Exception {
        Ed25519KeyPair pair = provider.ed25519().generateKeyPair();
        byte[] signature = provider.ed25519().sign(pair, MESSAGE);
        provider.ed25519().verify(pair.publicKey(), MESSAGE, signature);

        byte[] otherMessage = MESSAGE.clone();
        otherMessage[0] ^= 1;
        assertSignatureRejected(provider, pair.publicKey(), otherMessage, signature);
        for (int i = 0; i < 64; i++) {
            byte[] tampered = signature.clone();
            tampered[i] ^= 0x10;
            assertSignatureRejected(provider, pair.publicKey(), MESSAGE, tampered);
        }
        assertSignatureRejected(provider, provider.ed25519().generateKeyPair().publicKey(), MESSAGE, signature);
        assertSignatureRejected(provider, pair.publicKey(), MESSAGE, withSPlusL(signature));
        // The identity as key and R with S = 0 satisfies the cofactorless equation for every message.
        byte[] identity = Vectors.hex("0100000000000000000000000000000000000000000000000000000000000000");
        byte[] trivial = new byte[64];
        trivial[0] = 1;
        assertSignatureRejected(provider, identity, MESSAGE, trivial);
    }

    /**
     * A signature whose R is the identity, made by the holder of the RFC 8032 TEST 1 key (R = 0100..00,
     * S = SHA-512(R || A || M) * a mod L, M = "parley"). It satisfies the verification equation, BouncyCastle's own
     * verify accepts it, libsodium refuses small-order R: both providers must refuse it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.parley.crypto.primitives.Providers#both")
    void ed25519RejectsSmallOrderR(CryptoProvider provider) {
        byte[] message = "parley".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] signature = Vectors.hex("0100000000000000000000000000000000000000000000000000000000000000"
                + "32e2a44a4c9c890d8e10ea4f5f7c1c4810b3bcd63d7fe7fe51247b7d75327e0c");
        assertThat(org.bouncycastle.math.ec.rfc8032.Ed25519.verify(signature, 0, VALID_ED_KEY, 0, message, 0,
                message.length)).as("BouncyCastle alone accepts it").isTrue();
        assertSignatureRejected(provider, VALID_ED_KEY, message, signature);
    }

    /**
     * A key outside the prime-order subgroup (TEST 1 key + a point of order 8) with a signature whose k is a multiple
     * of 8, so the cofactorless equation holds. libsodium's verify does not check the subgroup and accepts it; the
     * BouncyCastle provider must decide the same way (key conversion to X25519 still refuses such keys).
     */
    @org.junit.jupiter.api.Test
    void providersAgreeOnMixedOrderKeys() {
        byte[] message = "parley".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] key = Vectors.hex("3b5b475c4b82dd1572799fc546f4c6c03e478c6654aa4c7f945b347ea32af60d");
        byte[] signature = Vectors.hex("5866666666666666666666666666666666666666666666666666666666666666"
                + "1e404a36a5d3fb13f4fbb15f53e5c55eff75920c700d8547299fc8a2799d450a");
        boolean sodium = accepts(CryptoProviders.libsodium(), key, message, signature);
        boolean bc = accepts(CryptoProviders.bouncyCastle(), key, message, signature);
        assertThat(bc).isEqualTo(sodium);
    }

    private static boolean accepts(CryptoProvider provider, byte[] key, byte[] message, byte[] signature) {
        try {
            provider.ed25519().verify(key, message, signature);
            return true;
        } catch (InvalidSignatureException e) {
            return false;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.parley.crypto.primitives.Providers#both")
    void ed25519ToX25519RejectsBadPoints(CryptoProvider provider) throws Exception {
        List<String> bad = List.of(
                "0000000000000000000000000000000000000000000000000000000000000000",
                "0100000000000000000000000000000000000000000000000000000000000000",
                "0100000000000000000000000000000000000000000000000000000000000080",
                "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
                "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
                "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
                "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
                // non-canonical y = p + 3 (y = 3 is on the curve)
                "f0ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
                // y = 2 is not on the curve
                "0200000000000000000000000000000000000000000000000000000000000000",
                // RFC 8032 TEST 1 key plus a point of order 8: on the curve, outside the prime-order subgroup
                "3b5b475c4b82dd1572799fc546f4c6c03e478c6654aa4c7f945b347ea32af60d");
        for (String hex : bad) {
            assertThatThrownBy(() -> provider.ed25519().toX25519PublicKey(Vectors.hex(hex)))
                    .as(hex)
                    .isInstanceOf(InvalidPublicKeyException.class);
        }
        assertThat(provider.ed25519().toX25519PublicKey(VALID_ED_KEY)).hasSize(32);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.parley.crypto.primitives.Providers#both")
    void hmacVerifyRefusesShortOrOverlongTags(CryptoProvider provider) {
        byte[] key = new byte[32];
        byte[] full = provider.hmac().sha256(key, MESSAGE);
        assertThat(provider.hmac().verifySha256(key, MESSAGE, full)).isTrue();
        assertThat(provider.hmac().verifySha256(key, MESSAGE, Arrays.copyOf(full, 16))).isTrue();
        assertThat(provider.hmac().verifySha256(key, MESSAGE, Arrays.copyOf(full, 15))).isFalse();
        assertThat(provider.hmac().verifySha256(key, MESSAGE, new byte[0])).isFalse();
        assertThat(provider.hmac().verifySha256(key, MESSAGE, Arrays.copyOf(full, 33))).isFalse();
        assertThat(provider.hmac().verifySha256(key, MESSAGE, null)).isFalse();
        byte[] wrong = full.clone();
        wrong[31] ^= 1;
        assertThat(provider.hmac().verifySha256(key, MESSAGE, wrong)).isFalse();
    }

    /** Public keys from the Wycheproof x25519 file whose shared secret is all zeros (low-order points). */
    static List<byte[]> lowOrderPublicKeys() {
        return Vectors.wycheproof("wycheproof-x25519_test.json").stream()
                .filter(c -> Arrays.equals(c.bytes("shared"), new byte[32]))
                .map(c -> c.bytes("public"))
                .map(Vectors::hex)
                .distinct()
                .map(Vectors::hex)
                .collect(Collectors.toList());
    }

    private static byte[] withSPlusL(byte[] signature) {
        java.math.BigInteger l = java.math.BigInteger.ONE.shiftLeft(252)
                .add(new java.math.BigInteger("27742317777372353535851937790883648493"));
        byte[] sLittle = Arrays.copyOfRange(signature, 32, 64);
        byte[] sBig = new byte[32];
        for (int i = 0; i < 32; i++) {
            sBig[i] = sLittle[31 - i];
        }
        byte[] sum = new java.math.BigInteger(1, sBig).add(l).toByteArray();
        byte[] out = signature.clone();
        Arrays.fill(out, 32, 64, (byte) 0);
        for (int i = 0; i < sum.length && i < 32; i++) {
            out[32 + i] = sum[sum.length - 1 - i];
        }
        return out;
    }

    private static void assertSignatureRejected(CryptoProvider provider, byte[] key, byte[] message, byte[] sig) {
        assertThatThrownBy(() -> provider.ed25519().verify(key, message, sig))
                .isInstanceOf(InvalidSignatureException.class);
    }

    private static void assertAuthFails(ThrowingOpen open, String what) {
        assertThatThrownBy(open::open).as(what).isInstanceOf(AuthenticationFailedException.class);
    }

    @FunctionalInterface
    private interface ThrowingOpen {
        byte[] open() throws Exception;
    }
}
