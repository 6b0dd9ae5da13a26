package dev.parley.crypto.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.secret.SecretBytes;
import dev.parley.crypto.testing.DeterministicRandom;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * libsodium and BouncyCastle must be interchangeable: what one seals the other opens, both ways, and deterministic
 * operations give identical bytes. Wycheproof has no XSalsa20-Poly1305 vectors, so this (with the NaCl example) is
 * what pins the BouncyCastle secretbox/box/sealed box to libsodium. Inputs come from a fixed seed so a failure
 * reproduces; sizes run from 0 bytes to 64 KiB.
 */
class CrossProviderTest {
    private static final int MAX_MESSAGE = 64 * 1024;
    private static final int[] EDGE_SIZES = {0, 1, 15, 16, 17, 31, 32, 33, 63, 64, 65, 4095, 4096, MAX_MESSAGE};

    private final CryptoProvider sodium = CryptoProviders.libsodium();
    private final CryptoProvider bc = CryptoProviders.bouncyCastle();
    private final Random random = new Random(20261122L);

    @Test
    void secretBoxIsByteCompatible() throws Exception {
        int cases = 0;
        for (int i = 0; i < 1500; i++) {
            SecretBytes key = SecretBytes.wrap(bytes(32));
            byte[] nonce = bytes(24);
            byte[] message = bytes(messageSize(i));
            byte[] bySodium = sodium.secretBox().seal(key, nonce, message);
            byte[] byBc = bc.secretBox().seal(key, nonce, message);
            assertThat(byBc).as("size %d", message.length).isEqualTo(bySodium);
            assertThat(bc.secretBox().open(key, nonce, bySodium)).isEqualTo(message);
            assertThat(sodium.secretBox().open(key, nonce, byBc)).isEqualTo(message);
            cases++;
        }
        assertThat(cases).isEqualTo(1500);
    }

    @Test
    void boxIsByteCompatible() throws Exception {
        for (int i = 0; i < 800; i++) {
            CryptoProvider keyMaker = i % 2 == 0 ? sodium : bc;
            X25519KeyPair alice = keyMaker.x25519().generateKeyPair();
            X25519KeyPair bob = keyMaker.x25519().generateKeyPair();
            byte[] nonce = bytes(24);
            byte[] message = bytes(messageSize(i));
            byte[] bySodium = sodium.box().seal(bob.publicKey(), alice.privateKey(), nonce, message);
            byte[] byBc = bc.box().seal(bob.publicKey(), alice.privateKey(), nonce, message);
            assertThat(byBc).isEqualTo(bySodium);
            assertThat(bc.box().open(alice.publicKey(), bob.privateKey(), nonce, bySodium)).isEqualTo(message);
            assertThat(sodium.box().open(alice.publicKey(), bob.privateKey(), nonce, byBc)).isEqualTo(message);
        }
    }

    @Test
    void sealedBoxOpensAcrossProvidersBothWays() throws Exception {
        for (int i = 0; i < 800; i++) {
            X25519KeyPair recipient = (i % 2 == 0 ? sodium : bc).x25519().generateKeyPair();
            byte[] message = bytes(messageSize(i));
            assertThat(bc.sealedBox().open(recipient, sodium.sealedBox().seal(recipient.publicKey(), message)))
                    .isEqualTo(message);
            assertThat(sodium.sealedBox().open(recipient, bc.sealedBox().seal(recipient.publicKey(), message)))
                    .isEqualTo(message);
        }
    }

    @Test
    void sealedBoxMatchesNativeCryptoBoxSeal() throws Exception {
        NativeSodium nativeSodium = NativeSodium.get();
        for (int i = 0; i < 200; i++) {
            X25519KeyPair recipient = sodium.x25519().generateKeyPair();
            byte[] message = bytes(messageSize(i));
            byte[] sealed = new byte[message.length + SealedBox.OVERHEAD_BYTES];
            assertThat(nativeSodium.sodium().crypto_box_seal(sealed, message, message.length, recipient.publicKey()))
                    .isZero();
            assertThat(bc.sealedBox().open(recipient, sealed)).isEqualTo(message);
            assertThat(sodium.sealedBox().open(recipient, sealed)).isEqualTo(message);
        }
    }

    @Test
    void sealedBoxIsIdenticalForTheSameEphemeralKey() throws Exception {
        for (long seed = 0; seed < 50; seed++) {
            X25519KeyPair recipient = bc.x25519().generateKeyPair();
            byte[] message = bytes(messageSize((int) seed));
            byte[] bySodium = CryptoProviders.libsodium(new DeterministicRandom(seed)).sealedBox()
                    .seal(recipient.publicKey(), message);
            byte[] byBc = CryptoProviders.bouncyCastle(new DeterministicRandom(seed)).sealedBox()
                    .seal(recipient.publicKey(), message);
            assertThat(byBc).isEqualTo(bySodium);
        }
    }

    @Test
    void ed25519KeysSignaturesAndConversionsAgree() throws Exception {
        for (int i = 0; i < 500; i++) {
            SecretBytes seed = SecretBytes.wrap(bytes(32));
            Ed25519KeyPair fromSodium = sodium.ed25519().keyPairFromSeed(seed);
            Ed25519KeyPair fromBc = bc.ed25519().keyPairFromSeed(seed);
            assertThat(fromBc.publicKey()).isEqualTo(fromSodium.publicKey());

            byte[] message = bytes(random.nextInt(2048));
            byte[] signature = sodium.ed25519().sign(fromSodium, message);
            assertThat(bc.ed25519().sign(fromBc, message)).isEqualTo(signature);
            bc.ed25519().verify(fromSodium.publicKey(), message, signature);
            sodium.ed25519().verify(fromBc.publicKey(), message, signature);

            byte[] montgomery = sodium.ed25519().toX25519PublicKey(fromSodium.publicKey());
            assertThat(bc.ed25519().toX25519PublicKey(fromSodium.publicKey())).isEqualTo(montgomery);
            X25519KeyPair sodiumX = sodium.ed25519().toX25519KeyPair(fromSodium);
            X25519KeyPair bcX = bc.ed25519().toX25519KeyPair(fromBc);
            assertThat(bcX.publicKey()).isEqualTo(sodiumX.publicKey()).isEqualTo(montgomery);
            assertThat(bcX.privateKey().contentEquals(sodiumX.privateKey())).isTrue();
        }
    }

    @Test
    void x25519AgreesAcrossProviders() throws Exception {
        for (int i = 0; i < 500; i++) {
            X25519KeyPair alice = sodium.x25519().generateKeyPair();
            X25519KeyPair bob = bc.x25519().generateKeyPair();
            assertThat(bc.x25519().keyPairFrom(alice.privateKey()).publicKey()).isEqualTo(alice.publicKey());
            assertThat(sodium.x25519().keyPairFrom(bob.privateKey()).publicKey()).isEqualTo(bob.publicKey());
            SecretBytes one = sodium.x25519().agree(alice.privateKey(), bob.publicKey());
            SecretBytes other = bc.x25519().agree(bob.privateKey(), alice.publicKey());
            assertThat(one.contentEquals(other)).isTrue();
        }
    }

    @Test
    void hashesMacsAndKdfsAgree() {
        for (int i = 0; i < 300; i++) {
            byte[] key = bytes(random.nextInt(130));
            byte[] data = bytes(messageSize(i));
            assertThat(bc.sha256(data)).isEqualTo(sodium.sha256(data));
            assertThat(bc.sha512(data)).isEqualTo(sodium.sha512(data));
            assertThat(bc.hmac().sha256(key, data)).isEqualTo(sodium.hmac().sha256(key, data));
            int length = 1 + random.nextInt(i % 10 == 0 ? Hkdf.MAX_OUTPUT_BYTES : 512);
            byte[] salt = random.nextBoolean() ? null : bytes(random.nextInt(64));
            byte[] info = random.nextBoolean() ? null : bytes(random.nextInt(64));
            assertThat(bc.hkdf().deriveSha256(salt, key, info, length))
                    .isEqualTo(sodium.hkdf().deriveSha256(salt, key, info, length));
        }
    }

    @Test
    void argon2idWithoutSecretIsIdentical() {
        int[][] costs = {{8, 1}, {64, 2}, {256, 3}, {1024, 1}};
        for (int[] cost : costs) {
            Argon2Params params = new Argon2Params(cost[0], cost[1], 1);
            byte[] password = bytes(random.nextInt(40));
            byte[] salt = bytes(16);
            int length = 16 + random.nextInt(48);
            try (SecretBytes a = sodium.argon2id().argon2id(password, salt, params, length);
                 SecretBytes b = bc.argon2id().argon2id(password, salt, params, length)) {
                assertThat(a.contentEquals(b)).as("m=%d t=%d", cost[0], cost[1]).isTrue();
            }
        }
    }

    private int messageSize(int i) {
        if (i < EDGE_SIZES.length) {
            return EDGE_SIZES[i];
        }
        int bucket = random.nextInt(100);
        if (bucket < 70) {
            return random.nextInt(257);
        }
        if (bucket < 95) {
            return 257 + random.nextInt(4096);
        }
        return random.nextInt(MAX_MESSAGE + 1);
    }

    private byte[] bytes(int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }
}
