package dev.parley.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.prekey.OneTimePreKeyPublic;
import dev.parley.crypto.prekey.SignedPreKeyPublic;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.primitives.Ed25519KeyPair;
import dev.parley.crypto.primitives.X25519KeyPair;
import dev.parley.crypto.wire.AuthProof;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import java.util.ArrayList;
import java.util.List;

/** A user with real keys: an Ed25519 identity, a signed prekey and one-time prekeys. */
final class TestUser {
    static final CryptoProvider CRYPTO = CryptoProviders.preferred();

    final String username;
    final Ed25519KeyPair identity;
    final X25519KeyPair signedPreKeyPair;
    final SignedPreKeyPublic signedPreKey;
    private int nextPreKeyId = 100;

    TestUser(String username) {
        this.username = username;
        this.identity = CRYPTO.ed25519().generateKeyPair();
        this.signedPreKeyPair = CRYPTO.x25519().generateKeyPair();
        byte[] pub = signedPreKeyPair.publicKey();
        this.signedPreKey = new SignedPreKeyPublic(1, pub,
                CRYPTO.ed25519().sign(identity, SignedPreKeyPublic.signedMessage(1, pub)));
    }

    List<OneTimePreKeyPublic> oneTimePreKeys(int count) {
        List<OneTimePreKeyPublic> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add(new OneTimePreKeyPublic(nextPreKeyId++, CRYPTO.x25519().generateKeyPair().publicKey()));
        }
        return keys;
    }

    /** A registration for the relay {@code client} is connected to, with its proof of the identity key. */
    Request.Register registration(TestClient client, int preKeys, String invite) throws InterruptedException {
        byte[] proof = CRYPTO.ed25519().sign(identity,
                AuthProof.registrationMessage(client.firstChallenge().relayId(), username));
        return new Request.Register(username, identity.publicKey(), signedPreKey, oneTimePreKeys(preKeys), invite, proof);
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
