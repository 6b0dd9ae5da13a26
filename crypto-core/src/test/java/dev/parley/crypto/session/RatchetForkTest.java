package dev.parley.crypto.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.payload.MessageId;
import dev.parley.crypto.payload.Padding;
import dev.parley.crypto.payload.Payload;
import dev.parley.crypto.payload.PayloadCodec;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.primitives.SecretBox;
import dev.parley.crypto.testing.TestParty;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Finding 5 of the security review (issue 11): a rolled-back or forked ratchet state (restored backup, copied
 * profile, VM snapshot) must never encrypt new plaintext under a key and nonce already used.
 */
class RatchetForkTest {
    private final TestParty alice = new TestParty("alice", CryptoProviders.libsodium(), 1);
    private final TestParty bob = new TestParty("bob", CryptoProviders.libsodium(), 2);

    @BeforeEach
    void establish() throws Exception {
        alice.initiate(bob, bob.publishBundle(1, true));
        bob.decrypt(alice, alice.encrypt(bob, "hello"));
        alice.decrypt(bob, bob.encrypt(alice, "hi"));
    }

    @Test
    void finding5ForkedStateEncryptsTwoPlaintextsAtTheSamePositionUnderDifferentKeystreams() throws Exception {
        byte[] snapshot = alice.stores.sessions().loadSession(bob.name).orElseThrow().serialize();
        Payload.Text first = text("attack at dawn, bring the ladders");
        Payload.Text second = text("retreat at dusk, leave the horses");

        RatchetMessage a = (RatchetMessage) alice.cipherFor(bob).encrypt(first);
        alice.stores.sessions().storeSession(bob.name, SessionRecord.deserialize(snapshot));
        RatchetMessage b = (RatchetMessage) alice.cipherFor(bob).encrypt(second);

        assertThat(b.counter()).isEqualTo(a.counter());
        assertThat(b.ratchetKey()).isEqualTo(a.ratchetKey());
        assertThat(b.salt()).isNotEqualTo(a.salt());
        assertThat(keystream(b, second)).isNotEqualTo(keystream(a, first));
    }

    @Test
    void theSaltIsAuthenticated() throws Exception {
        byte[] bytes = alice.encrypt(bob, "salted").serialize();
        bytes[50] ^= 0x01;
        CiphertextMessage tampered = CiphertextMessage.deserialize(bytes);
        assertThatThrownBy(() -> bob.decrypt(alice, tampered)).isInstanceOf(InvalidMessageException.class);
    }

    private Payload.Text text(String text) {
        return new Payload.Text(MessageId.random(alice.context.random()), 0, text);
    }

    /** The XSalsa20 keystream bytes that encrypted {@code payload} (ciphertext XOR padded plaintext). */
    private static byte[] keystream(RatchetMessage message, Payload payload) {
        byte[] padded = Padding.pad(PayloadCodec.encode(payload));
        byte[] body = Arrays.copyOfRange(message.ciphertext(), SecretBox.MAC_BYTES, message.ciphertext().length);
        assertThat(body).hasSameSizeAs(padded);
        byte[] stream = new byte[body.length];
        for (int i = 0; i < body.length; i++) {
            stream[i] = (byte) (body[i] ^ padded[i]);
        }
        return stream;
    }
}
