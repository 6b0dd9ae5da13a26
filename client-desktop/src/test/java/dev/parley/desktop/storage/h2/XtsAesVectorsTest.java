package dev.parley.desktop.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The XTS core against the published XTS-AES-128 vectors of IEEE Std 1619-2007, Annex B ("Test vectors"), vectors 1
 * to 4 (the ones with whole 16-byte blocks; the data unit sequence number is written there as little-endian bytes,
 * here as a number). Vector 4 is a 512-byte data unit, so it checks the tweak's multiplication by x over 32 blocks.
 */
class XtsAesVectorsTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String PATTERN_256 = pattern();
    private static final String VECTOR_4_CTX = "27a7479befa1d476489f308cd4cfa6e2a96e4bbe3208ff25287dd3819616e89c"
            + "c78cf7f5e543445f8333d8fa7f56000005279fa5d8b5e4ad40e736ddb4d35412"
            + "328063fd2aab53e5ea1e0a9f332500a5df9487d07a5c92cc512c8866c7e860ce"
            + "93fdf166a24912b422976146ae20ce846bb7dc9ba94a767aaef20c0d61ad0265"
            + "5ea92dc4c4e41a8952c651d33174be51a10c421110e6d81588ede82103a252d8"
            + "a750e8768defffed9122810aaeb99f9172af82b604dc4b8e51bcb08235a6f434"
            + "1332e4ca60482a4ba1a03b3e65008fc5da76b70bf1690db4eae29c5f1badd03c"
            + "5ccf2a55d705ddcd86d449511ceb7ec30bf12b1fa35b913f9f747a8afd1b130e"
            + "94bff94effd01a91735ca1726acd0b197c4e5b03393697e126826fb6bbde8ecc"
            + "1e08298516e2c9ed03ff3c1b7860f6de76d4cecd94c8119855ef5297ca67e9f3"
            + "e7ff72b1e99785ca0a7e7720c5b36dc6d72cac9574c8cbbc2f801e23e56fd344"
            + "b07f22154beba0f08ce8891e643ed995c94d9a69c9f1b5f499027a78572aeebd"
            + "74d20cc39881c213ee770b1010e4bea718846977ae119f7a023ab58cca0ad752"
            + "afe656bb3c17256a9f6e9bf19fdd5a38fc82bbe872c5539edb609ef4f79c203e"
            + "bb140f2e583cb2ad15b4aa5b655016a8449277dbd477ef2c8d6c017db738b18d"
            + "eb4a427d1923ce3ff262735779a418f20a282df920147beabe421ee5319d0568";

    @ParameterizedTest(name = "IEEE 1619 vector {0}")
    @CsvSource({
        "1, 00000000000000000000000000000000, 00000000000000000000000000000000, 0, "
                + "0000000000000000000000000000000000000000000000000000000000000000, "
                + "917cf69ebd68b2ec9b9fe9a3eadda692cd43d2f59598ed858c02c2652fbf922e",
        "2, 11111111111111111111111111111111, 22222222222222222222222222222222, 219902325555, "
                + "4444444444444444444444444444444444444444444444444444444444444444, "
                + "c454185e6a16936e39334038acef838bfb186fff7480adc4289382ecd6d394f0",
        "3, fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0, 22222222222222222222222222222222, 219902325555, "
                + "4444444444444444444444444444444444444444444444444444444444444444, "
                + "af85336b597afc1a900b2eb21ec949d292df4c047e0b21532186a5971a227a89",
        "4, 27182818284590452353602874713526, 31415926535897932384626433832795, 0, PATTERN, VECTOR4",
    })
    void encryptsAndDecryptsThePublishedVectors(int vector, String key1, String key2, long unit, String ptx,
                                                String ctx) {
        byte[] plain = HEX.parseHex(ptx.equals("PATTERN") ? PATTERN_256 + PATTERN_256 : ptx);
        byte[] expected = HEX.parseHex(ctx.equals("VECTOR4") ? VECTOR_4_CTX : ctx);
        assertThat(expected).hasSameSizeAs(plain);
        try (XtsAes xts = new XtsAes(HEX.parseHex(key1), HEX.parseHex(key2))) {
            byte[] data = plain.clone();
            xts.encrypt(unit, data, 0, data.length);
            assertThat(HEX.formatHex(data)).as("vector %d", vector).isEqualTo(HEX.formatHex(expected));
            xts.decrypt(unit, data, 0, data.length);
            assertThat(data).isEqualTo(plain);
        }
    }

    private static String pattern() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 256; i++) {
            s.append(String.format("%02x", i));
        }
        return s.toString();
    }
}
