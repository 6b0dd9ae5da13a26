package dev.parley.crypto.session;

import dev.parley.crypto.exceptions.DuplicateMessageException;
import dev.parley.crypto.exceptions.InvalidKeyIdException;
import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.exceptions.NoSessionException;
import dev.parley.crypto.exceptions.PlaintextHandlerException;
import dev.parley.crypto.exceptions.ProtocolException;
import dev.parley.crypto.exceptions.SenderMismatchException;
import dev.parley.crypto.exceptions.TooManySkippedMessagesException;
import dev.parley.crypto.exceptions.UntrustedIdentityException;
import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.identity.Username;
import dev.parley.crypto.payload.Padding;
import dev.parley.crypto.payload.Payload;
import dev.parley.crypto.payload.PayloadCodec;
import dev.parley.crypto.primitives.InvalidPublicKeyException;
import dev.parley.crypto.primitives.MlKem1024;
import dev.parley.crypto.ratchet.RootKey;
import dev.parley.crypto.secret.SecretBytes;
import dev.parley.crypto.store.IdentityKeyStore;
import dev.parley.crypto.store.ProtocolStores;
import java.util.List;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts and decrypts the messages of the session with one peer. Every operation is load, compute, commit: the
 * record is loaded (a copy), the ratchet runs on that copy, and the record is stored only when everything
 * succeeded, so a message that fails to decrypt leaves the stored session unchanged.
 *
 * <p>Methods are synchronized on this instance; use one {@code SessionCipher} per peer (or otherwise serialize
 * operations per peer).
 *
 * <pre>{@code
 * SessionCipher cipher = new SessionCipher(stores, context, opened.senderUsername());
 * Payload payload = cipher.decrypt(opened.senderIdentity(), opened.message(), p -> history.save(p));
 * }</pre>
 */
public final class SessionCipher {
    private static final Logger LOG = LoggerFactory.getLogger(SessionCipher.class);
    private static final int CURRENT = -1;
    private static final int NEW_SESSION = -2;
    private static final byte[] NO_PREFIX = new byte[0];

    private final ProtocolStores stores;
    private final ProtocolContext context;
    private final Username peer;
    private final DoubleRatchet ratchet;

    public SessionCipher(ProtocolStores stores, ProtocolContext context, Username peer) {
        this.stores = stores;
        this.context = context;
        this.peer = peer;
        this.ratchet = new DoubleRatchet(context);
    }

    /**
     * Pads, encodes and encrypts {@code payload} with the current session: a {@link PreKeyRatchetMessage} until the
     * peer's first reply has been decrypted, a {@link RatchetMessage} afterwards.
     *
     * @throws NoSessionException         if there is no session with the peer
     * @throws UntrustedIdentityException if the identity store no longer trusts the session's peer identity key
     */
    public synchronized CiphertextMessage encrypt(Payload payload) throws NoSessionException, UntrustedIdentityException {
        SessionRecord record = stores.sessions().loadSession(peer).orElseThrow(
                () -> new NoSessionException("no session with this peer"));
        SessionState state = record.current();
        if (state == null) {
            throw new NoSessionException("no current session with this peer");
        }
        if (!stores.identities().isTrustedIdentity(peer, state.remoteIdentity, IdentityKeyStore.Direction.SENDING)) {
            throw new UntrustedIdentityException(peer.value());
        }
        byte[] padded = Padding.pad(PayloadCodec.encode(payload));
        CiphertextMessage out;
        if (state.pendingPreKey == null) {
            out = ratchet.encrypt(state, padded, NO_PREFIX);
        } else {
            PendingPreKey pending = state.pendingPreKey;
            byte[] prefix = PreKeyRatchetMessage.prefix(state.localIdentity, state.baseKey, pending);
            out = new PreKeyRatchetMessage(state.localIdentity, state.baseKey, pending.signedPreKeyId(),
                    pending.oneTimePreKeyId(), pending.kemPreKeyId(), pending.kemCiphertext(),
                    ratchet.encrypt(state, padded, prefix));
        }
        record.replaceCurrent(state);
        stores.sessions().storeSession(peer, record);
        return out;
    }

    /**
     * Decrypts a message whose sender has not been authenticated by an envelope (the session's AD binding still
     * authenticates it). Equivalent to {@code decrypt(null, message, callback)}.
     */
    public Payload decrypt(CiphertextMessage message, DecryptionCallback callback) throws ProtocolException {
        return decrypt(null, message, callback);
    }

    /**
     * Decrypts {@code message}, hands the payload to {@code callback}, then commits the session state, removes the
     * used one-time prekey and one-time KEM prekey and saves the peer's identity key, in that order.
     *
     * @param claimedSender the identity key an opened envelope names as sender, or null; a session whose peer has
     *                      another identity key is never used
     * @throws SenderMismatchException          if {@code claimedSender} is not the session's peer identity
     * @throws InvalidMessageException          if the message is malformed or does not authenticate
     * @throws DuplicateMessageException        if the message key is gone (replay, or an expired skipped key)
     * @throws TooManySkippedMessagesException  if the message is further ahead than MAX_SKIP
     * @throws NoSessionException               if a ratchet message arrives without a session
     * @throws InvalidKeyIdException            if a prekey message names an unknown or used prekey or KEM prekey
     * @throws UntrustedIdentityException       if the peer's identity key is not trusted
     * @throws PlaintextHandlerException        if the callback threw (nothing was committed)
     * @throws ProtocolException                for an unsupported payload version
     */
    public synchronized Payload decrypt(IdentityKey claimedSender, CiphertextMessage message, DecryptionCallback callback)
            throws ProtocolException {
        SessionRecord record = stores.sessions().loadSession(peer).orElseGet(SessionRecord::new);
        Attempt attempt;
        OptionalInt usedOneTimePreKey = OptionalInt.empty();
        OptionalInt usedOneTimeKemPreKey = OptionalInt.empty();
        if (message instanceof PreKeyRatchetMessage preKeyMessage) {
            if (claimedSender != null && !claimedSender.equals(preKeyMessage.identityKey())) {
                throw new SenderMismatchException("envelope sender is not the prekey message's identity");
            }
            int existing = stateWithBaseKey(record, preKeyMessage.baseKey());
            if (existing != NEW_SESSION) {
                SessionState state = existing == CURRENT ? record.current() : record.previous().get(existing);
                attempt = decryptOn(state, existing, preKeyMessage.message(), preKeyMessage.prefix());
            } else {
                attempt = respond(preKeyMessage);
                usedOneTimePreKey = preKeyMessage.oneTimePreKeyId();
                usedOneTimeKemPreKey = attempt.oneTimeKemPreKey;
            }
        } else {
            attempt = decryptExisting(record, claimedSender, (RatchetMessage) message);
        }

        Payload payload = PayloadCodec.decode(Padding.unpad(attempt.paddedPlaintext));
        attempt.state.pendingPreKey = null;
        try {
            callback.handlePlaintext(payload);
        } catch (Exception e) {
            throw new PlaintextHandlerException("decryption callback failed; session state not committed", e);
        }
        if (attempt.index == CURRENT) {
            record.replaceCurrent(attempt.state);
        } else if (attempt.index == NEW_SESSION) {
            record.promote(attempt.state);
        } else {
            record.promotePrevious(attempt.index, attempt.state);
        }
        stores.sessions().storeSession(peer, record);
        if (usedOneTimePreKey.isPresent()) {
            stores.preKeys().removePreKey(usedOneTimePreKey.getAsInt());
        }
        if (usedOneTimeKemPreKey.isPresent()) {
            stores.kemPreKeys().removeKemPreKey(usedOneTimeKemPreKey.getAsInt());
        }
        stores.identities().saveIdentity(peer, attempt.state.remoteIdentity);
        return payload;
    }

    private Attempt decryptExisting(SessionRecord record, IdentityKey claimedSender, RatchetMessage message)
            throws ProtocolException {
        if (!record.hasCurrentSession() && record.previous().isEmpty()) {
            throw new NoSessionException("no session with this peer");
        }
        ProtocolException first = null;
        boolean anyCandidate = false;
        List<SessionState> previous = record.previous();
        for (int i = CURRENT; i < previous.size(); i++) {
            SessionState state = i == CURRENT ? record.current() : previous.get(i);
            if (state == null || claimedSender != null && !claimedSender.equals(state.remoteIdentity)) {
                continue;
            }
            anyCandidate = true;
            try {
                return decryptOn(state, i, message, NO_PREFIX);
            } catch (InvalidMessageException | DuplicateMessageException | TooManySkippedMessagesException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (!anyCandidate) {
            throw new SenderMismatchException("envelope sender is not this session's peer");
        }
        throw first;
    }

    private Attempt decryptOn(SessionState stored, int index, RatchetMessage message, byte[] preKeyPrefix)
            throws ProtocolException {
        if (!stores.identities().isTrustedIdentity(peer, stored.remoteIdentity, IdentityKeyStore.Direction.RECEIVING)) {
            throw new UntrustedIdentityException(peer.value());
        }
        SessionState state = stored.copy();
        byte[] padded = ratchet.decrypt(state, message, preKeyPrefix);
        return new Attempt(state, index, padded);
    }

    /** The responder's half of PQXDH, then the first decryption on the new state. */
    private Attempt respond(PreKeyRatchetMessage message) throws ProtocolException {
        IdentityKey initiator = message.identityKey();
        if (!stores.identities().isTrustedIdentity(peer, initiator, IdentityKeyStore.Direction.RECEIVING)) {
            throw new UntrustedIdentityException(peer.value());
        }
        SignedPreKeyRecord signedPreKey = stores.signedPreKeys().loadSignedPreKey(message.signedPreKeyId());
        OneTimePreKeyRecord oneTimePreKey = null;
        if (message.oneTimePreKeyId().isPresent()) {
            oneTimePreKey = stores.preKeys().loadPreKey(message.oneTimePreKeyId().getAsInt());
        }
        KemPreKeyRecord kemPreKey = stores.kemPreKeys().loadKemPreKey(message.kemPreKeyId());
        IdentityKeyPair local = stores.identities().getIdentityKeyPair();
        byte[] baseKey = message.baseKey();
        try {
            byte[] signedPrivate = signedPreKey.keyPair().privateKey().bytes();
            byte[] dh1 = ratchet.agree(signedPrivate, initiator.x25519PublicKey(context.crypto()));
            byte[] dh2 = ratchet.agree(local.agreementKeyPair().privateKey().bytes(), baseKey);
            byte[] dh3 = ratchet.agree(signedPrivate, baseKey);
            byte[] kemSecret;
            try (SecretBytes seed = kemPreKey.seed();
                 SecretBytes secret = MlKem1024.decapsulate(seed, message.kemCiphertext())) {
                kemSecret = secret.bytes();
            }
            RootKey sk = oneTimePreKey != null
                    ? Pqxdh.sharedSecret(ratchet.kdf(), initiator, local.publicKey(), kemSecret, dh1, dh2, dh3,
                            ratchet.agree(oneTimePreKey.keyPair().privateKey().bytes(), baseKey))
                    : Pqxdh.sharedSecret(ratchet.kdf(), initiator, local.publicKey(), kemSecret, dh1, dh2, dh3);
            SessionState state = new SessionState();
            state.localIdentity = local.publicKey();
            state.remoteIdentity = initiator;
            state.rootKey = sk;
            state.sendingRatchetPublic = signedPreKey.keyPair().publicKey();
            state.sendingRatchetPrivate = signedPrivate;
            state.baseKey = baseKey;
            byte[] padded = ratchet.decrypt(state, message.message(), message.prefix());
            LOG.debug("new session from prekey message: signed prekey {}, one-time prekey {}, {} KEM prekey",
                    message.signedPreKeyId(), oneTimePreKey != null ? "used" : "none",
                    kemPreKey.isLastResort() ? "last-resort" : "one-time");
            Attempt attempt = new Attempt(state, NEW_SESSION, padded);
            if (!kemPreKey.isLastResort()) {
                attempt.oneTimeKemPreKey = OptionalInt.of(kemPreKey.id());
            }
            return attempt;
        } catch (InvalidPublicKeyException e) {
            throw new InvalidMessageException("prekey message: invalid identity or base key");
        }
    }

    private static int stateWithBaseKey(SessionRecord record, byte[] baseKey) {
        if (record.current() != null && record.current().hasBaseKey(baseKey)) {
            return CURRENT;
        }
        List<SessionState> previous = record.previous();
        for (int i = 0; i < previous.size(); i++) {
            if (previous.get(i).hasBaseKey(baseKey)) {
                return i;
            }
        }
        return NEW_SESSION;
    }

    private static final class Attempt {
        final SessionState state;
        final int index;
        final byte[] paddedPlaintext;
        OptionalInt oneTimeKemPreKey = OptionalInt.empty();

        Attempt(SessionState state, int index, byte[] paddedPlaintext) {
            this.state = state;
            this.index = index;
            this.paddedPlaintext = paddedPlaintext;
        }
    }
}
