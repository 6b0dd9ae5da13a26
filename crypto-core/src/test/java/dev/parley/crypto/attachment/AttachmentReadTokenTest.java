package dev.parley.crypto.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.CryptoProviders;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The read token of a shared attachment (docs/protocol.md 1.11), from its file key. */
class AttachmentReadTokenTest {
    private static final byte[] KEY = new byte[32];

    static {
        for (int i = 0; i < KEY.length; i++) {
            KEY[i] = (byte) i;
        }
    }

    static Stream<CryptoProvider> providers() {
        return Stream.of(CryptoProviders.libsodium(), CryptoProviders.bouncyCastle());
    }

    /**
     * Expected values computed outside Parley, with Python 3's standard library (RFC 5869 written out):
     * <pre>
     * key = bytes(range(32)); info = b"parley/v2/attachment-read-token\x00"
     * prk = hmac.new(b"\x00" * 32, key, hashlib.sha256).digest()
     * token = hmac.new(prk, info + b"\x01", hashlib.sha256).digest(); hashlib.sha256(token).hexdigest()
     * </pre>
     */
    @ParameterizedTest
    @MethodSource("providers")
    void theTokenIsHkdfOfTheKeyUnderItsLabelAndTheRelayKeepsItsSha256(CryptoProvider crypto) {
        byte[] token = AttachmentReadToken.derive(crypto, KEY);
        assertThat(HexFormat.of().formatHex(token))
                .isEqualTo("271a214db75c1a2bca9bda95c4d188af311bca9b720d3b291ab1eea11a76f76a");
        assertThat(HexFormat.of().formatHex(AttachmentReadToken.hash(token)))
                .isEqualTo("159b0255d7ed96fe2546a2b82d32300dcc4e2278f61cfb6daa38566b91d0bda3");
    }

    @Test
    void onlyTheTokenOfTheSameKeyMatches() {
        CryptoProvider crypto = CryptoProviders.preferred();
        byte[] hash = AttachmentReadToken.hash(AttachmentReadToken.derive(crypto, KEY));
        byte[] otherKey = KEY.clone();
        otherKey[31] ^= 1;
        assertThat(AttachmentReadToken.matches(AttachmentReadToken.derive(crypto, KEY), hash)).isTrue();
        assertThat(AttachmentReadToken.matches(AttachmentReadToken.derive(crypto, otherKey), hash)).isFalse();
        assertThat(AttachmentReadToken.matches(hash, hash)).as("the hash is not the token").isFalse();
        assertThat(AttachmentReadToken.matches(null, hash)).isFalse();
        assertThat(AttachmentReadToken.matches(new byte[31], hash)).isFalse();
        assertThatThrownBy(() -> AttachmentReadToken.derive(crypto, new byte[16]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
