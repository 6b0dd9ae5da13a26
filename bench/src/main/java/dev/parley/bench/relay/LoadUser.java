package dev.parley.bench.relay;

import dev.parley.crypto.prekey.KemPreKeyPublic;
import dev.parley.crypto.prekey.OneTimePreKeyPublic;
import dev.parley.crypto.prekey.SignedPreKeyPublic;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.Ed25519KeyPair;
import dev.parley.crypto.primitives.MlKem1024;
import dev.parley.crypto.secret.SecretBytes;
import dev.parley.crypto.wire.AuthProof;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.glassfish.tyrus.client.ClientManager;

/** One relay account of the load generator: its keys, registration and sign-in over a {@link RelayConnection}. */
class LoadUser {
    /** How long one handshake step may take: generous, as the machine is shared with other builds. */
    static final long TIMEOUT_SECONDS = 120;

    final String name;
    private final CryptoProvider crypto;
    private final ClientManager client;
    private final Ed25519KeyPair identity;
    private final SignedPreKeyPublic signedPreKey;
    private final KemPreKeyPublic lastResortKemPreKey;

    LoadUser(CryptoProvider crypto, ClientManager client, String name) {
        this.name = name;
        this.crypto = crypto;
        this.client = client;
        this.identity = crypto.ed25519().generateKeyPair();
        byte[] pub = crypto.x25519().generateKeyPair().publicKey();
        signedPreKey = new SignedPreKeyPublic(1, pub, crypto.ed25519().sign(identity, SignedPreKeyPublic.signedMessage(1, pub)));
        byte[] kem = MlKem1024.publicKey(SecretBytes.wrap(crypto.random().bytes(MlKem1024.SEED_BYTES)));
        lastResortKemPreKey = new KemPreKeyPublic(1, kem, crypto.ed25519().sign(identity, KemPreKeyPublic.signedMessage(1, kem)));
    }

    /** Registers and authenticates on a fresh connection; returns once the queue is drained. */
    RelayConnection connect(URI uri, boolean register) throws Exception {
        return connect(uri, register, List.of());
    }

    /** {@link #connect(URI, boolean)}, registering with these one-time prekeys. */
    RelayConnection connect(URI uri, boolean register, List<OneTimePreKeyPublic> oneTimePreKeys) throws Exception {
        RelayConnection c = RelayConnection.open(client, uri);
        if (register) {
            Push.Challenge ch = c.challenge.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            byte[] proof = crypto.ed25519().sign(identity, AuthProof.registrationMessage(ch.relayId(), name));
            Response r = c.request(new Request.Register(name, identity.publicKey(), signedPreKey, oneTimePreKeys,
                    lastResortKemPreKey, List.of(), null, proof))
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!(r instanceof Response.Ok)) {
                throw new IllegalStateException("registration failed: " + r);
            }
        }
        authenticate(c);
        c.queueEmpty.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return c;
    }

    Response authenticate(RelayConnection c) throws Exception {
        Push.Challenge ch = c.challenge.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Response r = c.request(new Request.Authenticate(name, crypto.ed25519().sign(identity,
                AuthProof.signedMessage(ch.relayId(), ch.nonce(), name, AuthProof.noChannel())))).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!(r instanceof Response.Authenticated)) {
            throw new IllegalStateException("authentication failed: " + r);
        }
        return r;
    }
}
