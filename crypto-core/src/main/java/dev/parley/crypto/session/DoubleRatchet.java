package dev.parley.crypto.session;

import dev.parley.crypto.exceptions.DuplicateMessageException;
import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.exceptions.TooManySkippedMessagesException;
import dev.parley.crypto.kdf.Kdf;
import dev.parley.crypto.kdf.Label;
import dev.parley.crypto.primitives.AuthenticationFailedException;
import dev.parley.crypto.primitives.InvalidPublicKeyException;
import dev.parley.crypto.primitives.SecretBox;
import dev.parley.crypto.primitives.X25519;
import dev.parley.crypto.primitives.X25519KeyPair;
import dev.parley.crypto.ratchet.ChainKey;
import dev.parley.crypto.ratchet.MessageCipherKeys;
import dev.parley.crypto.ratchet.MessageKeys;
import dev.parley.crypto.ratchet.RatchetStep;
import dev.parley.crypto.secret.SecretBytes;
import java.util.Arrays;

/**
 * The Double Ratchet algorithm (Perrin and Marlinspike, revision 1, 2016) over a {@link SessionState}. Every method
 * mutates the state it is given; callers pass a copy and commit it only when the whole operation succeeded.
 */
final class DoubleRatchet {
    private final ProtocolContext context;
    private final Kdf kdf;
    private final X25519 x25519;
    private final SecretBox secretBox;

    DoubleRatchet(ProtocolContext context) {
        this.context = context;
        this.kdf = new Kdf(context.crypto());
        this.x25519 = context.crypto().x25519();
        this.secretBox = context.crypto().secretBox();
    }

    Kdf kdf() {
        return kdf;
    }

    X25519KeyPair newKeyPair() {
        byte[] seed = context.random().bytes(X25519.KEY_BYTES);
        try {
            return x25519.keyPairFrom(SecretBytes.wrap(seed.clone()));
        } finally {
            SecretBytes.wipe(seed);
        }
    }

    byte[] agree(byte[] privateKey, byte[] publicKey) throws InvalidPublicKeyException {
        try (SecretBytes shared = x25519.agree(SecretBytes.wrap(privateKey.clone()), publicKey)) {
            return shared.bytes();
        }
    }

    /**
     * Encrypts on the sending chain. {@code preKeyPrefix} is the prefix of the PreKeyRatchetMessage that will carry
     * this message, or empty; it is part of the associated data. A fresh random salt in the header (part of the AD)
     * gives every encryption its own secretbox key and nonce, even if a restored or forked state reuses this message
     * key.
     */
    RatchetMessage encrypt(SessionState state, byte[] paddedPlaintext, byte[] preKeyPrefix) {
        MessageKeys keys = state.sendingChain.messageKeys(kdf);
        state.sendingChain = state.sendingChain.next(kdf);
        byte[] header = RatchetMessage.header(state.sendingRatchetPublic, state.previousCounter, keys.index(),
                context.random().bytes(RatchetMessage.SALT_BYTES));
        MessageCipherKeys cipherKeys = keys.cipherKeys(kdf, associatedDataHash(state, header, preKeyPrefix, true));
        try {
            byte[] ciphertext = secretBox.seal(SecretBytes.wrap(cipherKeys.key()), cipherKeys.nonce(), paddedPlaintext);
            return RatchetMessage.of(header, ciphertext);
        } finally {
            cipherKeys.wipe();
        }
    }

    /**
     * Decrypts {@code message} on {@code state}, advancing it. Returns the padded plaintext. {@code preKeyPrefix} is
     * the prefix of the PreKeyRatchetMessage that carried it, or empty.
     */
    byte[] decrypt(SessionState state, RatchetMessage message, byte[] preKeyPrefix)
            throws InvalidMessageException, DuplicateMessageException, TooManySkippedMessagesException {
        long now = context.clock().millis();
        state.purgeSkippedBefore(now - context.limits().maxSkippedAge().toMillis());
        byte[] ratchetKey = message.ratchetKey();
        int counter = message.counter();

        SkippedKey skipped = state.skipped.remove(new SkippedKeyId(ratchetKey, counter));
        if (skipped != null) {
            return open(state, message, new MessageKeys(skipped.messageKey(), counter), preKeyPrefix);
        }
        if (state.remoteRatchetKey == null || !Arrays.equals(ratchetKey, state.remoteRatchetKey)) {
            if (state.isPreviousRemoteRatchetKey(ratchetKey)) {
                throw new DuplicateMessageException("message key already used or expired (old chain)");
            }
            skipMessageKeys(state, message.previousCounter(), now);
            dhRatchet(state, ratchetKey);
        }
        if (state.receivingChain == null) {
            throw new InvalidMessageException("ratchet message: no receiving chain for this ratchet key");
        }
        if (counter < state.receivingChain.index()) {
            throw new DuplicateMessageException("message key already used or expired");
        }
        skipMessageKeys(state, counter, now);
        MessageKeys keys = state.receivingChain.messageKeys(kdf);
        state.receivingChain = state.receivingChain.next(kdf);
        return open(state, message, keys, preKeyPrefix);
    }

    private void skipMessageKeys(SessionState state, int until, long now) throws TooManySkippedMessagesException {
        ChainKey chain = state.receivingChain;
        if (chain == null || until <= chain.index()) {
            return;
        }
        if ((long) until - chain.index() > context.limits().maxSkip()) {
            throw new TooManySkippedMessagesException("message would skip more than "
                    + context.limits().maxSkip() + " message keys");
        }
        while (chain.index() < until) {
            MessageKeys keys = chain.messageKeys(kdf);
            state.addSkipped(new SkippedKeyId(state.remoteRatchetKey, keys.index()),
                    new SkippedKey(keys.bytes(), now), context.limits().maxSkippedTotal());
            chain = chain.next(kdf);
        }
        state.receivingChain = chain;
    }

    private void dhRatchet(SessionState state, byte[] remoteRatchetKey) throws InvalidMessageException {
        try {
            if (state.remoteRatchetKey != null) {
                state.rememberPreviousRemoteRatchetKey(state.remoteRatchetKey);
            }
            state.previousCounter = state.sendingChain == null ? 0 : state.sendingChain.index();
            state.remoteRatchetKey = remoteRatchetKey;
            RatchetStep receiving = state.rootKey.step(kdf, agree(state.sendingRatchetPrivate, remoteRatchetKey));
            X25519KeyPair next = newKeyPair();
            byte[] nextPrivate = next.privateKey().bytes();
            RatchetStep sending = receiving.rootKey().step(kdf, agree(nextPrivate, remoteRatchetKey));
            state.receivingChain = receiving.chainKey();
            state.rootKey = sending.rootKey();
            state.sendingChain = sending.chainKey();
            state.sendingRatchetPublic = next.publicKey();
            state.sendingRatchetPrivate = nextPrivate;
        } catch (InvalidPublicKeyException e) {
            throw new InvalidMessageException("ratchet message: invalid ratchet public key");
        }
    }

    private byte[] open(SessionState state, RatchetMessage message, MessageKeys keys, byte[] preKeyPrefix)
            throws InvalidMessageException {
        MessageCipherKeys cipherKeys = keys.cipherKeys(kdf,
                associatedDataHash(state, message.headerBytes(), preKeyPrefix, false));
        try {
            return secretBox.open(SecretBytes.wrap(cipherKeys.key()), cipherKeys.nonce(), message.ciphertext());
        } catch (AuthenticationFailedException e) {
            throw new InvalidMessageException("ratchet message: does not authenticate");
        } finally {
            cipherKeys.wipe();
        }
    }

    /** SHA-256("parley/v1/message-ad" || 0x00 || IK_sender || IK_receiver || header || preKeyPrefix). */
    private byte[] associatedDataHash(SessionState state, byte[] header, byte[] preKeyPrefix, boolean sending) {
        byte[] sender = sending ? state.localIdentity.bytes() : state.remoteIdentity.bytes();
        byte[] receiver = sending ? state.remoteIdentity.bytes() : state.localIdentity.bytes();
        return kdf.hash(Label.MESSAGE_AD, sender, receiver, header, preKeyPrefix);
    }
}
