package dev.parley.crypto.kdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.CryptoProviders;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Kdf}'s HMAC-SHA-256 and HKDF-SHA-256 (through the provider) are the standard constructions, and labels are
 * well formed.
 *
 * <p>Provenance: {@code vectors/wycheproof-hmac_sha256_test.json} (174 cases) and
 * {@code vectors/wycheproof-hkdf_sha256_test.json} (86 cases) from C2SP/wycheproof {@code testvectors_v1/},
 * Apache-2.0; plus a random cross-check against the JDK's {@code HmacSHA256}.
 */
class KdfTest {
    private static final HexFormat HEX = HexFormat.of();

    static Stream<CryptoProvider> providers() {
        return Stream.of(CryptoProviders.libsodium(), CryptoProviders.bouncyCastle());
    }

    private static JsonNode vectors(String name) throws Exception {
        try (InputStream in = KdfTest.class.getResourceAsStream("/vectors/" + name)) {
            return new ObjectMapper().readTree(in);
        }
    }

    @ParameterizedTest
    @MethodSource("providers")
    void wycheproofHmacSha256(CryptoProvider crypto) throws Exception {
        Kdf kdf = new Kdf(crypto);
        int executed = 0;
        for (JsonNode group : vectors("wycheproof-hmac_sha256_test.json").path("testGroups")) {
            int tagBytes = group.path("tagSize").asInt() / 8;
            for (JsonNode test : group.path("tests")) {
                byte[] mac = Arrays.copyOf(kdf.hmac(HEX.parseHex(test.path("key").asText()),
                        HEX.parseHex(test.path("msg").asText())), tagBytes);
                boolean matches = Arrays.equals(mac, HEX.parseHex(test.path("tag").asText()));
                assertThat(matches).as("tcId %s", test.path("tcId")).isEqualTo("valid".equals(test.path("result").asText()));
                executed++;
            }
        }
        assertThat(executed).isEqualTo(174);
    }

    @ParameterizedTest
    @MethodSource("providers")
    void wycheproofHkdfSha256(CryptoProvider crypto) throws Exception {
        Kdf kdf = new Kdf(crypto);
        int executed = 0;
        for (JsonNode group : vectors("wycheproof-hkdf_sha256_test.json").path("testGroups")) {
            for (JsonNode test : group.path("tests")) {
                byte[] ikm = HEX.parseHex(test.path("ikm").asText());
                byte[] salt = HEX.parseHex(test.path("salt").asText());
                byte[] info = HEX.parseHex(test.path("info").asText());
                int size = test.path("size").asInt();
                if ("valid".equals(test.path("result").asText())) {
                    assertThat(HEX.formatHex(kdf.hkdfSha256(salt, ikm, info, size))).as("tcId %s", test.path("tcId"))
                            .isEqualTo(test.path("okm").asText());
                } else {
                    assertThatThrownBy(() -> kdf.hkdfSha256(salt, ikm, info, size))
                            .isInstanceOf(IllegalArgumentException.class);
                }
                executed++;
            }
        }
        assertThat(executed).isEqualTo(86);
    }

    @ParameterizedTest
    @MethodSource("providers")
    void hmacMatchesTheJdkForEveryKeyLength(CryptoProvider crypto) throws Exception {
        Kdf kdf = new Kdf(crypto);
        java.util.Random random = new java.util.Random(1);
        for (int keyLength : new int[] {0, 1, 32, 63, 64, 65, 200}) {
            byte[] key = new byte[keyLength];
            byte[] data = new byte[random.nextInt(300)];
            random.nextBytes(key);
            random.nextBytes(data);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keyLength == 0 ? new byte[1] : key, "HmacSHA256"));
            if (keyLength > 0) {
                assertThat(kdf.hmac(key, data)).isEqualTo(mac.doFinal(data));
            }
        }
        assertThat(kdf.hkdfSha256(null, new byte[] {1}, new byte[0], 32))
                .isEqualTo(kdf.hkdfSha256(new byte[32], new byte[] {1}, new byte[0], 32));
    }

    @Test
    void labelsAreDistinctAsciiAndNoneIsAPrefixOfAnother() {
        Set<String> seen = new HashSet<>();
        for (Label label : Label.values()) {
            assertThat(label.text()).matches("parley/v[12]/[a-z0-9-]+");
            assertThat(seen.add(label.text())).isTrue();
            byte[] prefix = label.prefix();
            assertThat(prefix[prefix.length - 1]).isZero();
        }
        assertThat(Kdf.concat(Label.PQXDH, new byte[] {7})).containsExactly(
                'p', 'a', 'r', 'l', 'e', 'y', '/', 'v', '2', '/', 'p', 'q', 'x', 'd', 'h', 0, 7);
    }
}
