package dev.parley.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.prekey.KemPreKeyPublic;
import dev.parley.crypto.prekey.OneTimePreKeyPublic;
import dev.parley.crypto.prekey.SignedPreKeyPublic;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.primitives.Ed25519KeyPair;
import dev.parley.crypto.primitives.MlKem1024;
import dev.parley.crypto.primitives.X25519KeyPair;
import dev.parley.crypto.secret.SecretBytes;
import dev.parley.crypto.wire.AuthProof;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import java.util.ArrayList;
import java.util.List;

/** A user with real keys: an Ed25519 identity, a signed prekey, one-time prekeys and signed ML-KEM-1024 prekeys. */
final class TestUser {
    static final CryptoProvider CRYPTO = CryptoProviders.preferred();

    final String username;
    final Ed25519KeyPair identity;
    final X25519KeyPair signedPreKeyPair;
    final SignedPreKeyPublic signedPreKey;
    final KemPreKeyPublic lastResortKemPreKey;
    private int nextPreKeyId = 100;
    private int nextKemId = 1000;

    TestUser(String username) {
        this.username = username;
        this.identity = CRYPTO.ed25519().generateKeyPair();
        this.signedPreKeyPair = CRYPTO.x25519().generateKeyPair();
        byte[] pub = signedPreKeyPair.publicKey();
        this.signedPreKey = new SignedPreKeyPublic(1, pub,
                CRYPTO.ed25519().sign(identity, SignedPreKeyPublic.signedMessage(1, pub)));
        this.lastResortKemPreKey = kemPreKey(1);
    }

    List<OneTimePreKeyPublic> oneTimePreKeys(int count) {
        List<OneTimePreKeyPublic> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add(new OneTimePreKeyPublic(nextPreKeyId++, CRYPTO.x25519().generateKeyPair().publicKey()));
        }
        return keys;
    }

    /** Signed one-time KEM prekeys (real ML-KEM-1024 public keys) with fresh ids. */
    List<KemPreKeyPublic> kemPreKeys(int count) {
        List<KemPreKeyPublic> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add(kemPreKey(nextKemId++));
        }
        return keys;
    }

    KemPreKeyPublic kemPreKey(int id) {
        byte[] pub = MlKem1024.publicKey(SecretBytes.wrap(CRYPTO.random().bytes(MlKem1024.SEED_BYTES)));
        return new KemPreKeyPublic(id, pub, CRYPTO.ed25519().sign(identity, KemPreKeyPublic.signedMessage(id, pub)));
    }

    /** An upload of {@code count} one-time prekey sets (a one-time prekey and a one-time KEM prekey each). */
    Request.UploadPreKeys preKeySets(int count) {
        return new Request.UploadPreKeys(null, oneTimePreKeys(count), null, kemPreKeys(count));
    }

    /**
     * A registration for the relay {@code client} is connected to, with its proof of the identity key: {@code preKeys}
     * one-time prekeys, as many one-time KEM prekeys up to the 5 a frame may carry, and a last-resort KEM prekey.
     */
    Request.Register registration(TestClient client, int preKeys, String invite) throws InterruptedException {
        byte[] proof = CRYPTO.ed25519().sign(identity,
                AuthProof.registrationMessage(client.firstChallenge().relayId(), username));
        return new Request.Register(username, identity.publicKey(), signedPreKey, oneTimePreKeys(preKeys),
                lastResortKemPreKey, kemPreKeys(Math.min(preKeys, Request.MAX_KEM_PREKEYS_PER_FRAME)), invite, proof);
    }

    /** Answers a challenge on a plain (ws) connection. */
    Request.Authenticate answer(Push.Challenge challenge) {
        return answer(challenge, AuthProof.noChannel());
    }

    /** Answers a challenge, bound to {@code channel} (the pinned TLS certificate's SHA-256, or zeros without TLS). */
    Request.Authenticate answer(Push.Challenge challenge, byte[] channel) {
        return new Request.Authenticate(username, CRYPTO.ed25519().sign(identity,
                AuthProof.signedMessage(challenge.relayId(), challenge.nonce(), username, channel)));
    }

    void register(TestClient client, int preKeys) throws Exception {
        assertThat(client.request(registration(client, preKeys, null))).isEqualTo(new Response.Ok());
    }

    Response.Authenticated authenticate(TestClient client) throws Exception {
        Response response = client.request(answer(client.awaitPush(Push.Challenge.class)));
        assertThat(response).isInstanceOf(Response.Authenticated.class);
        return (Response.Authenticated) response;
    }
}
