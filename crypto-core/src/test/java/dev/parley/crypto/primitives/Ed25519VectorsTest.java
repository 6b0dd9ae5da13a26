package dev.parley.crypto.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.crypto.primitives.Vectors.WycheproofCase;
import dev.parley.crypto.secret.SecretBytes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ed25519 known answers.
 *
 * <p>Provenance: {@code vectors/wycheproof-ed25519_test.json} from C2SP/wycheproof {@code testvectors_v1/}, commit
 * dac1dd4, Apache-2.0 (151 cases, including malleable S >= L and non-canonical encodings, all "invalid").
 * {@code vectors/nacl-rfc-vectors.json} key {@code ed25519_rfc8032_7_1_test1}: RFC 8032 section 7.1 TEST 1.
 */
class Ed25519VectorsTest {
    private static final int WYCHEPROOF_CASES = 151;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.parley.crypto.primitives.Providers#both")
    void wycheproof(CryptoProvider provider) {
        List<String> failures = new ArrayList<>();
        int executed = 0;
        int rejected = 0;
        for (WycheproofCase c : Vectors.wycheproof("wycheproof-ed25519_test.json")) {
            executed++;
            byte[] publicKey = Vectors.hex(c.group().path("publicKey").path("pk"));
            boolean valid = c.result().equals("valid");
            try {
                provider.ed25519().verify(publicKey, c.bytes("msg"), c.bytes("sig"));
                if (!valid) {
                    failures.add(c + ": invalid signature accepted");
                }
            } catch (InvalidSignatureException e) {
                rejected++;
                if (valid) {
                    failures.add(c + ": valid signature rejected");
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(executed).isEqualTo(WYCHEPROOF_CASES);
        assertThat(rejected).isEqualTo(63);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.parley.crypto.primitives.Providers#both")
    void rfc8032Test1(CryptoProvider provider) throws Exception {
        JsonNode v = Vectors.load("nacl-rfc-vectors.json").path("ed25519_rfc8032_7_1_test1");
        Ed25519KeyPair pair = provider.ed25519().keyPairFromSeed(SecretBytes.wrap(Vectors.hex(v.path("secret_seed"))));
        byte[] message = Vectors.hex(v.path("message"));

        assertThat(pair.publicKey()).isEqualTo(Vectors.hex(v.path("public")));
        byte[] signature = provider.ed25519().sign(pair, message);
        assertThat(signature).isEqualTo(Vectors.hex(v.path("signature")));
        provider.ed25519().verify(pair.publicKey(), message, signature);
    }
}
