package dev.parley.crypto.primitives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.secret.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * A quick end-to-end check that the native provider loads and each primitive produces a known answer. The full
 * known-answer suites (Wycheproof etc.) are in the *VectorsTest classes. Values: RFC 7748 6.1, RFC 8032 7.1 TEST 1,
 * the NaCl paper's box example (via libsodium's test/default/box.c), FIPS 180-2 "abc", RFC 5869 A.1.
 */
class LibsodiumSmokeTest {
    private static final HexFormat HEX = HexFormat.of();
    private final CryptoProvider sodium = CryptoProviders.libsodium();

    @Test
    void reportsItsName() {
        assertThat(sodium.name()).isEqualTo("libsodium");
        assertThat(CryptoProviders.preferred().name()).isEqualTo("libsodium");
    }

    @Test
    void x25519MatchesRfc7748() throws Exception {
        SecretBytes alice = SecretBytes.wrap(HEX.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
        byte[] bobPublic = HEX.parseHex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
        assertThat(HEX.formatHex(sodium.x25519().keyPairFrom(alice).publicKey()))
                .isEqualTo("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
        assertThat(HEX.formatHex(sodium.x25519().agree(alice, bobPublic).bytes()))
                .isEqualTo("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
    }

    @Test
    void x25519RejectsLowOrderPoint() {
        SecretBytes alice = SecretBytes.wrap(HEX.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
        byte[] lowOrder = HEX.parseHex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800");
        assertThatThrownBy(() -> sodium.x25519().agree(alice, lowOrder)).isInstanceOf(InvalidPublicKeyException.class);
        assertThatThrownBy(() -> sodium.x25519().agree(alice, new byte[32])).isInstanceOf(InvalidPublicKeyException.class);
    }

    @Test
    void ed25519MatchesRfc8032Test1() throws Exception {
        SecretBytes seed = SecretBytes.wrap(HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        Ed25519KeyPair pair = sodium.ed25519().keyPairFromSeed(seed);
        assertThat(HEX.formatHex(pair.publicKey()))
                .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        byte[] signature = sodium.ed25519().sign(pair, new byte[0]);
        assertThat(HEX.formatHex(signature)).isEqualTo("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555"
                + "fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        sodium.ed25519().verify(pair.publicKey(), new byte[0], signature);
        signature[0] ^= 1;
        assertThatThrownBy(() -> sodium.ed25519().verify(pair.publicKey(), new byte[0], signature))
                .isInstanceOf(InvalidSignatureException.class);
    }

    @Test
    void boxMatchesNaclPaper() throws Exception {
        SecretBytes aliceSecret = SecretBytes.wrap(HEX.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
        byte[] bobPublic = HEX.parseHex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
        byte[] nonce = HEX.parseHex("69696ee955b62b73cd62bda875fc73d68219e0036b7a0b37");
        byte[] message = HEX.parseHex("be075fc53c81f2d5cf141316ebeb0c7b5228c52a4c62cbd44b66849b64244ffce5ecbaaf33bd751a"
                + "1ac728d45e6c61296cdc3c01233561f41db66cce314adb310e3be8250c46f06dceea3a7fa1348057e2f6556ad6b1318a024a838f21af1"
                + "fde048977eb48f59ffd4924ca1c60902e52f0a089bc76897040e082f937763848645e0705");
        byte[] sealed = sodium.box().seal(bobPublic, aliceSecret, nonce, message);
        assertThat(HEX.formatHex(sealed)).startsWith("f3ffc7703f9400e52a7dfb4b3d3305d9").endsWith("4cb45a74e355a5");
    }

    @Test
    void secretBoxRoundTripsAndRejectsTampering() throws Exception {
        SecretBytes key = SecretBytes.wrap(sodium.random().bytes(32));
        byte[] nonce = sodium.random().bytes(24);
        for (byte[] plaintext : new byte[][] {new byte[0], "hello".getBytes(StandardCharsets.UTF_8)}) {
            byte[] sealed = sodium.secretBox().seal(key, nonce, plaintext);
            assertThat(sealed).hasSize(plaintext.length + 16);
            assertThat(sodium.secretBox().open(key, nonce, sealed)).isEqualTo(plaintext);
            sealed[0] ^= 1;
            assertThatThrownBy(() -> sodium.secretBox().open(key, nonce, sealed))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
        assertThatThrownBy(() -> sodium.secretBox().open(key, nonce, new byte[15]))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> sodium.secretBox().seal(SecretBytes.wrap(new byte[31]), nonce, new byte[1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sealedBoxRoundTrips() throws Exception {
        X25519KeyPair recipient = sodium.x25519().generateKeyPair();
        byte[] sealed = sodium.sealedBox().seal(recipient.publicKey(), new byte[] {1, 2, 3});
        assertThat(sealed).hasSize(3 + SealedBox.OVERHEAD_BYTES);
        assertThat(sodium.sealedBox().open(recipient, sealed)).containsExactly(1, 2, 3);
    }

    @Test
    void hashesHmacAndHkdfMatchStandards() {
        assertThat(HEX.formatHex(sodium.sha256("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(HEX.formatHex(sodium.sha512("abc".getBytes(StandardCharsets.US_ASCII))))
                .startsWith("ddaf35a193617aba").endsWith("a54ca49f");
        byte[] okm = sodium.hkdf().deriveSha256(HEX.parseHex("000102030405060708090a0b0c"),
                HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"), HEX.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42);
        assertThat(HEX.formatHex(okm)).isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                + "34007208d5b887185865");
    }

    @Test
    void argon2idRunsWithOneLaneOnly() {
        byte[] salt = new byte[16];
        SecretBytes key = sodium.argon2id().argon2id("pw".getBytes(StandardCharsets.UTF_8), salt, new Argon2Params(64, 1, 1), 32);
        assertThat(key.length()).isEqualTo(32);
        assertThatThrownBy(() -> sodium.argon2id().argon2id(new byte[1], salt, new Argon2Params(64, 1, 2), 32))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
