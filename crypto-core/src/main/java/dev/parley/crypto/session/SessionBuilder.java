package dev.parley.crypto.session;

import dev.parley.crypto.exceptions.InvalidSignedPreKeyException;
import dev.parley.crypto.exceptions.UntrustedIdentityException;
import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.identity.Username;
import dev.parley.crypto.prekey.KemPreKeyPublic;
import dev.parley.crypto.prekey.OneTimePreKeyPublic;
import dev.parley.crypto.prekey.PreKeyBundle;
import dev.parley.crypto.prekey.SignedPreKeyPublic;
import dev.parley.crypto.primitives.InvalidPublicKeyException;
import dev.parley.crypto.primitives.InvalidSignatureException;
import dev.parley.crypto.primitives.MlKem1024;
import dev.parley.crypto.primitives.X25519KeyPair;
import dev.parley.crypto.ratchet.RatchetStep;
import dev.parley.crypto.ratchet.RootKey;
import dev.parley.crypto.secret.SecretBytes;
import dev.parley.crypto.store.IdentityKeyStore;
import dev.parley.crypto.store.ProtocolStores;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a session with a peer from the peer's {@link PreKeyBundle} (the initiator's half of PQXDH). The responder's
 * half runs inside {@link SessionCipher#decrypt} when the first {@link PreKeyRatchetMessage} arrives.
 *
 * <pre>{@code
 * new SessionBuilder(stores, context, bob).initiate(bundleFromRelay);
 * CiphertextMessage first = new SessionCipher(stores, context, bob).encrypt(new Payload.Text(...));
 * }</pre>
 */
public final class SessionBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(SessionBuilder.class);

    private final ProtocolStores stores;
    private final ProtocolContext context;
    private final Username peer;
    private final DoubleRatchet ratchet;

    public SessionBuilder(ProtocolStores stores, ProtocolContext context, Username peer) {
        this.stores = stores;
        this.context = context;
        this.peer = peer;
        this.ratchet = new DoubleRatchet(context);
    }

    /**
     * Runs PQXDH against {@code bundle} (X3DH plus an ML-KEM-1024 encapsulation to the bundle's KEM prekey) and stores the new session as the peer's current one (an earlier session is
     * archived). Nothing is stored if this throws.
     *
     * @throws InvalidSignedPreKeyException if the signed prekey's or the KEM prekey's signature does not verify under
     *                                      the bundle's identity key, or a bundle key is not a valid public key
     * @throws UntrustedIdentityException   if the identity store knows a different identity key for this peer
     */
    public synchronized void initiate(PreKeyBundle bundle) throws InvalidSignedPreKeyException, UntrustedIdentityException {
        IdentityKey remoteIdentity = new IdentityKey(bundle.identityKey());
        SignedPreKeyPublic signedPreKey = bundle.signedPreKey();
        KemPreKeyPublic kemPreKey = bundle.kemPreKey();
        try {
            context.crypto().ed25519().verify(bundle.identityKey(), signedPreKey.signedMessage(), signedPreKey.signature());
        } catch (InvalidSignatureException e) {
            throw new InvalidSignedPreKeyException("prekey bundle: signed-prekey signature does not verify");
        }
        try {
            context.crypto().ed25519().verify(bundle.identityKey(), kemPreKey.signedMessage(), kemPreKey.signature());
        } catch (InvalidSignatureException e) {
            throw new InvalidSignedPreKeyException("prekey bundle: KEM-prekey signature does not verify");
        }
        if (!stores.identities().isTrustedIdentity(peer, remoteIdentity, IdentityKeyStore.Direction.SENDING)) {
            throw new UntrustedIdentityException(peer.value());
        }
        IdentityKeyPair local = stores.identities().getIdentityKeyPair();
        Optional<OneTimePreKeyPublic> oneTime = bundle.oneTimePreKey();
        try {
            byte[] remoteIdentityX = remoteIdentity.x25519PublicKey(context.crypto());
            byte[] spk = signedPreKey.publicKey();
            X25519KeyPair ephemeral = ratchet.newKeyPair();
            byte[] ephemeralPrivate = ephemeral.privateKey().bytes();
            byte[] dh1 = ratchet.agree(local.agreementKeyPair().privateKey().bytes(), spk);
            byte[] dh2 = ratchet.agree(ephemeralPrivate, remoteIdentityX);
            byte[] dh3 = ratchet.agree(ephemeralPrivate, spk);
            MlKem1024.Encapsulation encapsulation;
            try (SecretBytes message = SecretBytes.wrap(context.random().bytes(MlKem1024.MESSAGE_BYTES))) {
                encapsulation = MlKem1024.encapsulate(kemPreKey.publicKey(), message);
            }
            byte[] kemSecret;
            try (SecretBytes secret = encapsulation.sharedSecret()) {
                kemSecret = secret.bytes();
            }
            RootKey sk = oneTime.isPresent()
                    ? Pqxdh.sharedSecret(ratchet.kdf(), local.publicKey(), remoteIdentity, kemSecret, dh1, dh2, dh3,
                            ratchet.agree(ephemeralPrivate, oneTime.get().publicKey()))
                    : Pqxdh.sharedSecret(ratchet.kdf(), local.publicKey(), remoteIdentity, kemSecret, dh1, dh2, dh3);
            ephemeral.destroy();

            X25519KeyPair sendingRatchet = ratchet.newKeyPair();
            byte[] sendingPrivate = sendingRatchet.privateKey().bytes();
            RatchetStep step = sk.step(ratchet.kdf(), ratchet.agree(sendingPrivate, spk));

            SessionState state = new SessionState();
            state.localIdentity = local.publicKey();
            state.remoteIdentity = remoteIdentity;
            state.rootKey = step.rootKey();
            state.sendingChain = step.chainKey();
            state.sendingRatchetPublic = sendingRatchet.publicKey();
            state.sendingRatchetPrivate = sendingPrivate;
            state.remoteRatchetKey = spk;
            state.previousCounter = 0;
            state.baseKey = ephemeral.publicKey();
            state.pendingPreKey = new PendingPreKey(signedPreKey.id(),
                    oneTime.isPresent() ? OptionalInt.of(oneTime.get().id()) : OptionalInt.empty(), kemPreKey.id(),
                    encapsulation.ciphertext());

            SessionRecord record = stores.sessions().loadSession(peer).orElseGet(SessionRecord::new);
            record.promote(state);
            stores.sessions().storeSession(peer, record);
            stores.identities().saveIdentity(peer, remoteIdentity);
            LOG.debug("initiated session: signed prekey {}, one-time prekey {}, KEM prekey {}", signedPreKey.id(),
                    oneTime.isPresent() ? "used" : "none", kemPreKey.id());
        } catch (InvalidPublicKeyException e) {
            throw new InvalidSignedPreKeyException("prekey bundle: a key is not a valid public key");
        }
    }
}
