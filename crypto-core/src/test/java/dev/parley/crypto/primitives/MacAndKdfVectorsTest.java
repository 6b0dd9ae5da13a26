package dev.parley.crypto.primitives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.primitives.Vectors.WycheproofCase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * HMAC-SHA-256 and HKDF-SHA-256 known answers.
 *
 * <p>Provenance: {@code vectors/wycheproof-hmac_sha256_test.json} (174 cases; groups with tagSize 128 hold tags
 * truncated to 16 bytes) and {@code vectors/wycheproof-hkdf_sha256_test.json} (86 cases; the "invalid" ones ask for
 * more than 255 * 32 bytes), both from C2SP/wycheproof {@code testvectors_v1/}, commit dac1dd4, Apache-2.0.
 */
class MacAndKdfVectorsTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.parley.crypto.primitives.Providers#both")
    void hmacSha256Wycheproof(CryptoProvider provider) {
        List<String> failures = new ArrayList<>();
        int executed = 0;
        int truncated = 0;
        for (WycheproofCase c : Vectors.wycheproof("wycheproof-hmac_sha256_test.json")) {
            executed++;
            int tagBytes = c.group().path("tagSize").asInt() / 8;
            byte[] key = c.bytes("key");
            byte[] msg = c.bytes("msg");
            byte[] tag = c.bytes("tag");
            boolean valid = c.result().equals("valid");
            byte[] computed = Arrays.copyOf(provider.hmac().sha256(key, msg), tagBytes);
            boolean verified = provider.hmac().verifySha256(key, msg, tag);
            if (tagBytes < Hmac.SHA256_BYTES) {
                truncated++;
            }
            if (valid && (!Arrays.equals(computed, tag) || !verified)) {
                failures.add(c + ": valid tag not reproduced or not verified");
            }
            if (!valid && verified) {
                failures.add(c + ": invalid tag verified");
            }
        }
        assertThat(failures).isEmpty();
        assertThat(executed).isEqualTo(174);
        assertThat(truncated).isGreaterThan(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.parley.crypto.primitives.Providers#both")
    void hkdfSha256Wycheproof(CryptoProvider provider) {
        List<String> failures = new ArrayList<>();
        int executed = 0;
        int invalid = 0;
        for (WycheproofCase c : Vectors.wycheproof("wycheproof-hkdf_sha256_test.json")) {
            executed++;
            int size = c.test().path("size").asInt();
            byte[] salt = c.bytes("salt");
            byte[] ikm = c.bytes("ikm");
            byte[] info = c.bytes("info");
            if (c.result().equals("valid")) {
                if (!Arrays.equals(provider.hkdf().deriveSha256(salt, ikm, info, size), c.bytes("okm"))) {
                    failures.add(c + ": wrong output");
                }
            } else {
                invalid++;
                assertThatThrownBy(() -> provider.hkdf().deriveSha256(salt, ikm, info, size))
                        .as(c.toString())
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(executed).isEqualTo(86);
        assertThat(invalid).isEqualTo(3);
    }
}
