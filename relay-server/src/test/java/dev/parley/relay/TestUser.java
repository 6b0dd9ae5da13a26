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

    Request.Register registration(int preKeys, String invite) {
        return new Request.Register(username, identity.publicKey(), signedPreKey, oneTimePreKeys(preKeys), invite);
    }

    Request.Authenticate answer(Push.Challenge challenge) {
        return new Request.Authenticate(username, CRYPTO.ed25519().sign(identity,
                AuthProof.signedMessage(challenge.relayId(), challenge.nonce(), username)));
    }

    void register(TestClient client, int preKeys) throws Exception {
        assertThat(client.request(registration(preKeys, null))).isEqualTo(new Response.Ok());
    }

    Response.Authenticated authenticate(TestClient client) throws Exception {
        Response response = client.request(answer(client.awaitPush(Push.Challenge.class)));
        assertThat(response).isInstanceOf(Response.Authenticated.class);
        return (Response.Authenticated) response;
    }
}
