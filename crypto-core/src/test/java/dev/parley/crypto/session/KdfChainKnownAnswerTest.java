package dev.parley.crypto.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.identity.SafetyNumber;
import dev.parley.crypto.kdf.Kdf;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.ratchet.ChainKey;
import dev.parley.crypto.ratchet.MessageCipherKeys;
import dev.parley.crypto.ratchet.MessageKeys;
import dev.parley.crypto.ratchet.RatchetStep;
import dev.parley.crypto.ratchet.RootKey;
import dev.parley.crypto.secret.SecretBytes;
import dev.parley.crypto.testing.TestParty;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pinned known answers for Parley's own KDF chain, so that an accidental change of any label, constant, input order
 * or length fails loudly. Provenance: the hex values were produced by this implementation when the construction was
 * fixed (docs/protocol.md part 1) and each one is also recomputed here independently from the documented formula
 * with the JDK's HmacSHA256 (RFC 5869 HKDF written out in {@link #hkdf}), so the pins and the document agree.
 */
class KdfChainKnownAnswerTest {
    private static final HexFormat HEX = HexFormat.of();

    static Stream<CryptoProvider> providers() {
        return Stream.of(CryptoProviders.libsodium(), CryptoProviders.bouncyCastle());
    }

    private static byte[] seq(int start, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (start + i);
        }
        return b;
    }

    @ParameterizedTest
    @MethodSource("providers")
    void chainKeyStep(CryptoProvider crypto) throws Exception {
        Kdf kdf = new Kdf(crypto);
        ChainKey ck = new ChainKey(seq(0x00, 32), 7);
        MessageKeys mk = ck.messageKeys(kdf);
        ChainKey next = ck.next(kdf);
        assertThat(mk.index()).isEqualTo(7);
        assertThat(next.index()).isEqualTo(8);
        assertThat(mk.bytes()).isEqualTo(hmac(seq(0x00, 32), new byte[] {1}));
        assertThat(next.bytes()).isEqualTo(hmac(seq(0x00, 32), new byte[] {2}));
        assertThat(HEX.formatHex(mk.bytes())).isEqualTo(PINNED_MESSAGE_KEY);
        assertThat(HEX.formatHex(next.bytes())).isEqualTo(PINNED_NEXT_CHAIN_KEY);
    }

    @ParameterizedTest
    @MethodSource("providers")
    void rootKeyStep(CryptoProvider crypto) throws Exception {
        RatchetStep step = new RootKey(seq(0x20, 32)).step(new Kdf(crypto), seq(0x40, 32));
        byte[] expected = hkdf(seq(0x20, 32), seq(0x40, 32), label("parley/v1/ratchet-root"), 64);
        assertThat(step.rootKey().bytes()).isEqualTo(Arrays.copyOfRange(expected, 0, 32));
        assertThat(step.chainKey().bytes()).isEqualTo(Arrays.copyOfRange(expected, 32, 64));
        assertThat(step.chainKey().index()).isZero();
        assertThat(HEX.formatHex(expected)).isEqualTo(PINNED_ROOT_STEP);
    }

    @ParameterizedTest
    @MethodSource("providers")
    void messageCipherKeys(CryptoProvider crypto) throws Exception {
        MessageCipherKeys keys = new MessageKeys(seq(0x60, 32), 0).cipherKeys(new Kdf(crypto), seq(0x80, 32));
        byte[] expected = hkdf(new byte[32], seq(0x60, 32), concat(label("parley/v1/message-cipher"), seq(0x80, 32)), 56);
        assertThat(keys.key()).isEqualTo(Arrays.copyOfRange(expected, 0, 32));
        assertThat(keys.nonce()).isEqualTo(Arrays.copyOfRange(expected, 32, 56));
        assertThat(HEX.formatHex(expected)).isEqualTo(PINNED_MESSAGE_CIPHER_KEYS);
    }

    @ParameterizedTest
    @MethodSource("providers")
    void pqxdhSharedSecret(CryptoProvider crypto) throws Exception {
        IdentityKey a = new IdentityKey(seq(0xA0, 32));
        IdentityKey b = new IdentityKey(seq(0xB0, 32));
        RootKey withOpk = Pqxdh.sharedSecret(new Kdf(crypto), a, b, seq(5, 32), seq(1, 32), seq(2, 32), seq(3, 32),
                seq(4, 32));
        RootKey withoutOpk = Pqxdh.sharedSecret(new Kdf(crypto), a, b, seq(5, 32), seq(1, 32), seq(2, 32), seq(3, 32));
        byte[] ff = new byte[32];
        Arrays.fill(ff, (byte) 0xFF);
        byte[] info = concat(label("parley/v2/pqxdh"), concat(seq(0xA0, 32), seq(0xB0, 32)));
        byte[] ikm3 = concat(ff, concat(seq(1, 32), concat(seq(2, 32), seq(3, 32))));
        assertThat(withOpk.bytes()).isEqualTo(hkdf(new byte[32], concat(ikm3, concat(seq(4, 32), seq(5, 32))), info, 32));
        assertThat(withoutOpk.bytes()).isEqualTo(hkdf(new byte[32], concat(ikm3, seq(5, 32)), info, 32));
        assertThat(HEX.formatHex(withOpk.bytes())).isEqualTo(PINNED_PQXDH_WITH_OPK);
        assertThat(HEX.formatHex(withoutOpk.bytes())).isEqualTo(PINNED_PQXDH_WITHOUT_OPK);
    }

    @ParameterizedTest
    @MethodSource("providers")
    void deterministicConversationIsByteForByteStable(CryptoProvider crypto) throws Exception {
        TestParty alice = new TestParty("alice", CryptoProviders.libsodium(), 1);
        TestParty bob = new TestParty("bob", crypto, 2);
        alice.initiate(bob, bob.publishBundle(1, true));
        CiphertextMessage first = alice.encrypt(bob, "known answer");
        bob.decrypt(alice, first);
        CiphertextMessage reply = bob.encrypt(alice, "reply");
        assertThat(HEX.formatHex(sha256(first.serialize()))).isEqualTo(PINNED_FIRST_MESSAGE_SHA256);
        assertThat(HEX.formatHex(sha256(reply.serialize()))).isEqualTo(PINNED_REPLY_SHA256);
    }

    @ParameterizedTest
    @MethodSource("providers")
    void safetyNumber(CryptoProvider crypto) throws Exception {
        IdentityKey a = IdentityKeyPair.fromSeed(crypto, SecretBytes.wrap(seq(0x10, 32))).publicKey();
        IdentityKey b = IdentityKeyPair.fromSeed(crypto, SecretBytes.wrap(seq(0x30, 32))).publicKey();
        assertThat(SafetyNumber.compute(crypto, a, "alice", b, "bob").digits()).isEqualTo(PINNED_SAFETY_NUMBER);
    }

    private static final String PINNED_MESSAGE_KEY =
            "9b4c8120a4823a95f47cde17a244f4507244ee6e3957d1fab9fa29b44d3829b7";
    private static final String PINNED_NEXT_CHAIN_KEY =
            "4304c22c84a53755ab08ead8d97a8d429be5efa480682d7ad1da27f73e1fbe1d";
    private static final String PINNED_ROOT_STEP =
            "c224d98292ce19e562cbbc2cc1eb5d99e4fca05b7a81b7f28b9e899481f55ee696d22d9a9a8b3bec70beec3fe9f5e15af3c05267ef2dec5505a0b1747aaad282";
    private static final String PINNED_MESSAGE_CIPHER_KEYS =
            "403841ccb16778de79e8e0ea549704edd36f6e4ab200c3b76491fa17e664b4ac7cf69fe410c798b7d2f7c456653d11e093391e28e22f344c";
    private static final String PINNED_PQXDH_WITH_OPK =
            "0f0e7944c70c6136e234e9500b3b43f9e5ddbe2b44bc748f474a231d23af44f7";
    private static final String PINNED_PQXDH_WITHOUT_OPK =
            "b2819f3c399572b693b9b865bc399f11521370eb45a8d3a15ff1895fc6bcd859";
    private static final String PINNED_FIRST_MESSAGE_SHA256 =
            "71fb1c6722120af5336080342e266be8786d1e8899b7791117d4d084f8932ce5";
    private static final String PINNED_REPLY_SHA256 =
            "327314dc322410e81e68d79d4e3b46946668179fc57e12bb1386a4fc2cc4777c";
    /** Safety number version 2 (usernames "alice" and "bob" bound in, #11 finding 10); same on both providers. */
    private static final String PINNED_SAFETY_NUMBER =
            "334652903353091125636048337635884879328398819665095516555051";

    private static byte[] label(String text) {
        return concat(text.getBytes(StandardCharsets.US_ASCII), new byte[] {0});
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    private static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    private static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    /** RFC 5869 HKDF-SHA-256, written out. */
    private static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws Exception {
        byte[] prk = hmac(salt, ikm);
        ByteArrayOutputStream okm = new ByteArrayOutputStream();
        byte[] t = new byte[0];
        for (int i = 1; okm.size() < length; i++) {
            t = hmac(prk, concat(concat(t, info), new byte[] {(byte) i}));
            okm.writeBytes(t);
        }
        return Arrays.copyOf(okm.toByteArray(), length);
    }
}
