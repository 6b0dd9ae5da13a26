package dev.parley.crypto.group;

import dev.parley.crypto.exceptions.DuplicateMessageException;
import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.exceptions.NoSessionException;
import dev.parley.crypto.exceptions.TooManySkippedMessagesException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import dev.parley.crypto.kdf.Kdf;
import dev.parley.crypto.kdf.Label;
import dev.parley.crypto.payload.Padding;
import dev.parley.crypto.payload.Payload;
import dev.parley.crypto.payload.PayloadCodec;
import dev.parley.crypto.primitives.AuthenticationFailedException;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.Ed25519KeyPair;
import dev.parley.crypto.primitives.InvalidSignatureException;
import dev.parley.crypto.primitives.RandomSource;
import dev.parley.crypto.secret.SecretBytes;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sender Keys (docs/protocol.md 1.15): each member encrypts a group message once with its own chain and signs it;
 * every other member holds a copy of that chain, received as a {@link SenderKeyDistribution} over a pairwise session.
 * Purely functional: every operation returns the next state, which the caller commits only when it has used the
 * result (so a failure changes nothing).
 *
 * <p>Chain: message key {@code mk = HMAC(ck, 0x01)}, next chain key {@code HMAC(ck, 0x02)}; the secretbox key and
 * nonce are {@code HKDF(zero, mk, LABEL(SENDER_KEY_CIPHER) || header, 56)}.
 */
public final class GroupCipher {
    /** Most message keys one incoming message may make a receiver skip. */
    public static final int MAX_SKIP = 2000;
    /** Most skipped message keys kept per sender key (oldest dropped). */
    public static final int MAX_SKIPPED_KEPT = 2000;
    private static final byte[] MESSAGE_KEY_INPUT = {Kdf.MESSAGE_KEY_CONSTANT};
    private static final byte[] CHAIN_KEY_INPUT = {Kdf.CHAIN_KEY_CONSTANT};

    private final CryptoProvider crypto;
    private final RandomSource random;
    private final Kdf kdf;

    public GroupCipher(CryptoProvider crypto, RandomSource random) {
        this.crypto = crypto;
        this.random = random;
        this.kdf = new Kdf(crypto);
    }

    /** A fresh sender key of the caller for {@code group}: random key id, chain key and signing key. */
    public SenderKeyState create(GroupId group) {
        byte[] seed = random.bytes(32);
        try (Ed25519KeyPair signing = crypto.ed25519().keyPairFromSeed(SecretBytes.copyOf(seed))) {
            int keyId = ByteBuffer.wrap(random.bytes(4)).getInt() & 0x7FFF_FFFF;
            return new SenderKeyState(group, keyId, 0, random.bytes(32), signing.publicKey(), seed, Map.of());
        } finally {
            SecretBytes.wipe(seed);
        }
    }

    public record Encrypted(SenderKeyMessage message, SenderKeyState next) {
    }

    public record Decrypted(Payload payload, SenderKeyRecord next) {
    }

    /** Encrypts {@code payload} at the state's iteration and signs it; {@code next} is the state to commit. */
    public Encrypted encrypt(SenderKeyState own, Payload payload) {
        if (!own.canSend()) {
            throw new IllegalArgumentException("sender key: a received sender key cannot send");
        }
        byte[] chain = own.chainKey();
        byte[] salt = random.bytes(16);
        byte[] header = SenderKeyMessage.header(own.groupId(), own.keyId(), own.iteration(), salt);
        byte[] ciphertext = seal(kdf.hmac(chain, MESSAGE_KEY_INPUT), header, Padding.pad(PayloadCodec.encode(payload)));
        byte[] unsigned = ByteBuffer.allocate(header.length + ciphertext.length).put(header).put(ciphertext).array();
        byte[] signature;
        try (Ed25519KeyPair signing = crypto.ed25519().keyPairFromSeed(SecretBytes.copyOf(own.signingSeed()))) {
            signature = crypto.ed25519().sign(signing, Kdf.concat(Label.SENDER_KEY_SIGNATURE, unsigned));
        }
        SenderKeyMessage message = new SenderKeyMessage(own.groupId(), own.keyId(), own.iteration(), salt,
                ciphertext, signature);
        SenderKeyState next = own.advancedTo(own.iteration() + 1, kdf.hmac(chain, CHAIN_KEY_INPUT), own.skipped());
        return new Encrypted(message, next);
    }

    /**
     * Verifies and decrypts {@code message} with the matching state of {@code record} (the sender's keys as this
     * member holds them).
     *
     * @throws NoSessionException if no held sender key has the message's group and key id
     * @throws InvalidMessageException if the signature, the AEAD or the payload fails
     * @throws DuplicateMessageException if this iteration was already read (a replay) or its key was dropped
     * @throws TooManySkippedMessagesException if it is more than {@link #MAX_SKIP} ahead of the chain
     */
    public Decrypted decrypt(SenderKeyRecord record, SenderKeyMessage message) throws NoSessionException,
            InvalidMessageException, DuplicateMessageException, TooManySkippedMessagesException,
            UnsupportedVersionException {
        SenderKeyState state = record.byKeyId(message.keyId())
                .filter(s -> s.groupId().equals(message.groupId()))
                .orElseThrow(() -> new NoSessionException("sender key: none for this group and key id"));
        try {
            crypto.ed25519().verify(state.signingPublic(),
                    Kdf.concat(Label.SENDER_KEY_SIGNATURE, message.signedPart()), message.signature());
        } catch (InvalidSignatureException e) {
            throw new InvalidMessageException("sender key message: bad signature");
        }
        int target = message.iteration();
        Map<Integer, byte[]> skipped = new LinkedHashMap<>(state.skipped());
        byte[] messageKey;
        SenderKeyState next;
        if (target < state.iteration()) {
            messageKey = skipped.remove(target);
            if (messageKey == null) {
                throw new DuplicateMessageException("sender key message: already read or key dropped");
            }
            next = state.advancedTo(state.iteration(), state.chainKey(), skipped);
        } else {
            if (target - state.iteration() > MAX_SKIP) {
                throw new TooManySkippedMessagesException("sender key message: too far ahead of the chain");
            }
            byte[] chain = state.chainKey();
            for (int i = state.iteration(); i < target; i++) {
                skipped.put(i, kdf.hmac(chain, MESSAGE_KEY_INPUT));
                chain = kdf.hmac(chain, CHAIN_KEY_INPUT);
            }
            trim(skipped);
            messageKey = kdf.hmac(chain, MESSAGE_KEY_INPUT);
            next = state.advancedTo(target + 1, kdf.hmac(chain, CHAIN_KEY_INPUT), skipped);
        }
        byte[] header = SenderKeyMessage.header(message.groupId(), message.keyId(), target, message.salt());
        byte[] padded = open(messageKey, header, message.ciphertext());
        Payload payload = PayloadCodec.decode(Padding.unpad(padded));
        return new Decrypted(payload, record.withUpdated(next));
    }

    private static void trim(Map<Integer, byte[]> skipped) {
        Iterator<Integer> oldest = skipped.keySet().iterator();
        while (skipped.size() > MAX_SKIPPED_KEPT) {
            oldest.next();
            oldest.remove();
        }
    }

    private byte[] seal(byte[] messageKey, byte[] header, byte[] plaintext) {
        byte[] okm = kdf.derive(null, messageKey, Label.SENDER_KEY_CIPHER, header, 56);
        try (SecretBytes key = SecretBytes.wrap(Arrays.copyOfRange(okm, 0, 32))) {
            return crypto.secretBox().seal(key, Arrays.copyOfRange(okm, 32, 56), plaintext);
        } finally {
            SecretBytes.wipe(okm);
        }
    }

    private byte[] open(byte[] messageKey, byte[] header, byte[] ciphertext) throws InvalidMessageException {
        byte[] okm = kdf.derive(null, messageKey, Label.SENDER_KEY_CIPHER, header, 56);
        try (SecretBytes key = SecretBytes.wrap(Arrays.copyOfRange(okm, 0, 32))) {
            return crypto.secretBox().open(key, Arrays.copyOfRange(okm, 32, 56), ciphertext);
        } catch (AuthenticationFailedException e) {
            throw new InvalidMessageException("sender key message: does not decrypt");
        } finally {
            SecretBytes.wipe(okm);
        }
    }
}
