package dev.parley.crypto.primitives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.crypto.secret.SecretBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * NaCl box/secretbox and Argon2id known answers.
 *
 * <p>Provenance: {@code vectors/nacl-rfc-vectors.json}: key {@code nacl_box} is the example of D. J. Bernstein,
 * "Cryptography in NaCl" (sections 7-10), as used by libsodium's {@code test/default/box.c}, {@code box.exp} and
 * {@code secretbox.c}; key {@code argon2id_rfc9106_5_3} is RFC 9106 section 5.3 (Argon2id, t=3, m=32 KiB, p=4,
 * with secret and associated data).
 */
class NaclAndArgon2VectorsTest {
    private static final JsonNode NACL = Vectors.load("nacl-rfc-vectors.json").path("nacl_box");

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.parley.crypto.primitives.Providers#both")
    void boxMatchesTheNaclPaper(CryptoProvider provider) throws Exception {
        SecretBytes aliceSecret = SecretBytes.wrap(Vectors.hex(NACL.path("alice_secret")));
        SecretBytes bobSecret = SecretBytes.wrap(Vectors.hex(NACL.path("bob_secret")));
        byte[] nonce = Vectors.hex(NACL.path("nonce"));
        byte[] message = Vectors.hex(NACL.path("message"));
        byte[] expected = Vectors.hex(NACL.path("expected_mac_then_ciphertext"));

        byte[] sealed = provider.box().seal(Vectors.hex(NACL.path("bob_public")), aliceSecret, nonce, message);

        assertThat(sealed).isEqualTo(expected);
        assertThat(provider.box().open(Vectors.hex(NACL.path("alice_public")), bobSecret, nonce, sealed))
                .isEqualTo(message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.parley.crypto.primitives.Providers#both")
    void secretBoxWithThePrecomputedKeyMatchesTheNaclPaper(CryptoProvider provider) throws Exception {
        SecretBytes key = SecretBytes.wrap(Vectors.hex(NACL.path("precomputed_key")));
        byte[] nonce = Vectors.hex(NACL.path("nonce"));
        byte[] message = Vectors.hex(NACL.path("message"));
        byte[] expected = Vectors.hex(NACL.path("expected_mac_then_ciphertext"));

        assertThat(provider.secretBox().seal(key, nonce, message)).isEqualTo(expected);
        assertThat(provider.secretBox().open(key, nonce, expected)).isEqualTo(message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.parley.crypto.primitives.Providers#both")
    void boxRejectsTheSmallOrderKey(CryptoProvider provider) {
        SecretBytes aliceSecret = SecretBytes.wrap(Vectors.hex(NACL.path("alice_secret")));
        byte[] lowOrder = Vectors.hex(NACL.path("small_order_public_key_must_be_rejected"));
        byte[] nonce = Vectors.hex(NACL.path("nonce"));

        assertThatThrownBy(() -> provider.box().seal(lowOrder, aliceSecret, nonce, new byte[1]))
                .isInstanceOf(InvalidPublicKeyException.class);
        assertThatThrownBy(() -> provider.box().open(lowOrder, aliceSecret, nonce, new byte[17]))
                .isInstanceOf(InvalidPublicKeyException.class);
        assertThatThrownBy(() -> provider.sealedBox().seal(lowOrder, new byte[1]))
                .isInstanceOf(InvalidPublicKeyException.class);
    }

    /** The NaCl paper's "firstkey": HSalsa20 of the X25519 shared secret with a zero input (crypto_box_beforenm). */
    @Test
    void hsalsa20DerivesTheNaclBoxKey() throws Exception {
        byte[] shared = Vectors.hex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
        assertThat(HSalsa20.hash(shared, new byte[16])).isEqualTo(Vectors.hex(NACL.path("precomputed_key")));
        assertThat(BcBox.beforenm(Vectors.hex(NACL.path("bob_public")),
                SecretBytes.wrap(Vectors.hex(NACL.path("alice_secret"))))).isEqualTo(Vectors.hex(NACL.path("precomputed_key")));
    }

    @Test
    void argon2idRfc9106Section53ThroughBouncyCastle() {
        JsonNode v = Vectors.load("nacl-rfc-vectors.json").path("argon2id_rfc9106_5_3");
        Argon2Params params = new Argon2Params(v.path("memory_kib").asInt(), v.path("iterations").asInt(),
                v.path("parallelism").asInt());

        byte[] tag = BcArgon2id.derive(Vectors.hex(v.path("password")), Vectors.hex(v.path("salt")),
                Vectors.hex(v.path("secret")), Vectors.hex(v.path("associated_data")), params, 32);

        assertThat(Vectors.hex(tag)).isEqualTo(v.path("tag").asText());
    }

    @Test
    void libsodiumRefusesParallelismAboveOne() {
        PasswordHasher sodium = CryptoProviders.libsodium().argon2id();
        assertThatThrownBy(() -> sodium.argon2id(new byte[8], new byte[16], new Argon2Params(32, 3, 4), 32))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parallelism");
    }
}
