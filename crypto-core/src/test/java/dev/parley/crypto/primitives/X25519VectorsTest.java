package dev.parley.crypto.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.crypto.primitives.Vectors.WycheproofCase;
import dev.parley.crypto.secret.SecretBytes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * X25519 known answers.
 *
 * <p>Provenance: {@code vectors/wycheproof-x25519_test.json} from C2SP/wycheproof {@code testvectors_v1/}, commit
 * dac1dd4, Apache-2.0 (518 cases; "acceptable" cases are low-order or non-canonical public keys, which may be
 * accepted or rejected, except that an all-zero shared secret must always be rejected).
 * {@code vectors/nacl-rfc-vectors.json} key {@code x25519_rfc7748_6_1}: RFC 7748 section 6.1.
 */
class X25519VectorsTest {
    private static final int WYCHEPROOF_CASES = 518;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.parley.crypto.primitives.Providers#both")
    void wycheproof(CryptoProvider provider) {
        List<String> failures = new ArrayList<>();
        int executed = 0;
        int rejectedZero = 0;
        for (WycheproofCase c : Vectors.wycheproof("wycheproof-x25519_test.json")) {
            executed++;
            byte[] expected = c.bytes("shared");
            boolean zero = Arrays.equals(expected, new byte[32]);
            try (SecretBytes privateKey = SecretBytes.wrap(c.bytes("private"))) {
                byte[] actual = provider.x25519().agree(privateKey, c.bytes("public")).bytes();
                if (zero) {
                    failures.add(c + ": all-zero shared secret accepted");
                } else if (!Arrays.equals(actual, expected)) {
                    failures.add(c + ": wrong shared secret");
                }
            } catch (InvalidPublicKeyException e) {
                if (zero) {
                    rejectedZero++;
                } else if (c.result().equals("valid")) {
                    failures.add(c + ": valid case rejected");
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(executed).isEqualTo(WYCHEPROOF_CASES);
        assertThat(rejectedZero).as("low-order cases with all-zero output").isGreaterThan(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.parley.crypto.primitives.Providers#both")
    void rfc7748Section61(CryptoProvider provider) throws Exception {
        JsonNode v = Vectors.load("nacl-rfc-vectors.json").path("x25519_rfc7748_6_1");
        X25519KeyPair alice = provider.x25519().keyPairFrom(SecretBytes.wrap(Vectors.hex(v.path("alice_secret"))));
        X25519KeyPair bob = provider.x25519().keyPairFrom(SecretBytes.wrap(Vectors.hex(v.path("bob_secret"))));

        assertThat(alice.publicKey()).isEqualTo(Vectors.hex(v.path("alice_public")));
        assertThat(bob.publicKey()).isEqualTo(Vectors.hex(v.path("bob_public")));
        assertThat(provider.x25519().agree(alice.privateKey(), bob.publicKey()).bytes())
                .isEqualTo(Vectors.hex(v.path("shared_secret")));
        assertThat(provider.x25519().agree(bob.privateKey(), alice.publicKey()).bytes())
                .isEqualTo(Vectors.hex(v.path("shared_secret")));
    }
}
