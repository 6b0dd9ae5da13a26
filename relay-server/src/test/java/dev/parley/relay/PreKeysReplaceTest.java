package dev.parley.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.prekey.KemPreKeyPublic;
import dev.parley.crypto.prekey.OneTimePreKeyPublic;
import dev.parley.crypto.prekey.PreKeyBundle;
import dev.parley.crypto.prekey.SignedPreKeyPublic;
import dev.parley.crypto.wire.ErrorCode;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #17: {@code prekeys_replace}, sent by a profile restored from a backup, swaps every prekey the relay holds for
 * the account in one step, over a real relay (H2 files); a bad signature changes nothing.
 */
class PreKeysReplaceTest {
    @TempDir
    Path dataDir;
    private RelayServer relay;

    @AfterEach
    void stop() throws Exception {
        relay.close();
    }

    @Test
    void aReplacedStockIsAllThatIsHandedOutAndABadSignatureChangesNothing() throws Exception {
        relay = RelayServer.start(RelayConfig.defaults().withPort(0).withDataDir(dataDir));
        TestUser alice = new TestUser("alice");
        TestUser bob = new TestUser("bob");
        try (TestClient a = TestClient.connect(relay.uri()); TestClient b = TestClient.connect(relay.uri())) {
            alice.register(a, 4);
            bob.register(b, 1);
            alice.authenticate(a);
            bob.authenticate(b);

            byte[] spk = TestUser.CRYPTO.x25519().generateKeyPair().publicKey();
            SignedPreKeyPublic fresh = new SignedPreKeyPublic(2, spk,
                    TestUser.CRYPTO.ed25519().sign(alice.identity, SignedPreKeyPublic.signedMessage(2, spk)));
            KemPreKeyPublic lastResort = alice.kemPreKey(50);
            List<OneTimePreKeyPublic> oneTime = alice.oneTimePreKeys(2);
            List<KemPreKeyPublic> kem = alice.kemPreKeys(2);

            SignedPreKeyPublic forged = new SignedPreKeyPublic(3, spk, new byte[64]);
            assertThat(a.expectError(new Request.ReplacePreKeys(forged, oneTime, lastResort, kem)).code())
                    .isEqualTo(ErrorCode.INVALID_SIGNATURE);

            assertThat(a.request(new Request.ReplacePreKeys(fresh, oneTime, lastResort, kem)))
                    .isEqualTo(new Response.PreKeyCount(2));
            PreKeyBundle first = ((Response.Bundle) b.request(new Request.FetchBundle("alice"))).bundle();
            assertThat(first.signedPreKey()).isEqualTo(fresh);
            assertThat(first.oneTimePreKey()).contains(oneTime.get(0));
            assertThat(first.kemPreKey()).isEqualTo(kem.get(0));
            PreKeyBundle second = ((Response.Bundle) b.request(new Request.FetchBundle("alice"))).bundle();
            assertThat(second.oneTimePreKey()).contains(oneTime.get(1));
            PreKeyBundle third = ((Response.Bundle) b.request(new Request.FetchBundle("alice"))).bundle();
            assertThat(third.oneTimePreKey()).isEmpty();
            assertThat(third.kemPreKey()).isEqualTo(lastResort);
        }
    }
}
