package dev.parley.crypto.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.CryptoProviders;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue #17, linking a device (docs/protocol.md 1.18): the existing device ("alice's desktop") and the new one ("alice's
 * laptop") agree on a key through a relay that may substitute its own ephemeral keys; only a holder of the code can
 * make either side accept.
 */
class DeviceLinkingTest {
    private static final CryptoProvider CRYPTO = CryptoProviders.preferred();
    private static final long NOW = 1_800_000_000_000L;
    private final DeviceLinking linking = new DeviceLinking(CRYPTO);

    @Test
    void bothDevicesDeriveOneKeyByLinkOrShortCodeAndTheProvisioningMessageOpens() throws Exception {
        DeviceLinking.Offer desktop = linking.offer(NOW);
        for (LinkCode code : new LinkCode[] {LinkCode.parse(desktop.code().uri()),
                LinkCode.parse(desktop.code().shortCode().toLowerCase())}) {
            DeviceLinking.Joined laptop = linking.join(code, linking.offerMessage(desktop), "laptop", NOW + 1000);
            DeviceLinking.Linked confirmed = linking.accept(desktop, laptop.reply(), NOW + 2000);
            assertThat(confirmed.deviceName()).isEqualTo("laptop");
            assertThat(confirmed.key().bytes()).isEqualTo(laptop.key().bytes());
            byte[] provisioning = "identity key pair, profile, contacts".getBytes(StandardCharsets.UTF_8);
            assertThat(linking.open(laptop.key(), linking.seal(confirmed.key(), provisioning))).isEqualTo(provisioning);
        }
        assertThat(linking.channel(desktop.secret())).hasSize(16)
                .isEqualTo(linking.channel(LinkCode.parse(desktop.code().shortCode()).secret()));
    }

    @Test
    void aRelayThatSubstitutesItsOwnOfferIsRefusedWithAClearMessage() throws Exception {
        DeviceLinking.Offer desktop = linking.offer(NOW);
        DeviceLinking.Offer relays = linking.offer(NOW);
        byte[] substituted = linking.offerMessage(relays);
        for (LinkCode code : new LinkCode[] {desktop.code(), LinkCode.parse(desktop.code().shortCode())}) {
            assertThatThrownBy(() -> linking.join(code, substituted, "laptop", NOW))
                    .isInstanceOf(LinkRefusedException.class)
                    .hasMessageContaining("tampered with")
                    .satisfies(e -> assertThat(((LinkRefusedException) e).reason())
                            .isEqualTo(LinkRefusedException.Reason.TAMPERED));
        }
        // The relay keeps the desktop's MAC but swaps in its key: the link's key and the MAC both catch it.
        byte[] swapped = linking.offerMessage(desktop);
        System.arraycopy(relays.ephemeral().publicKey(), 0, swapped, 1, 32);
        assertThatThrownBy(() -> linking.join(LinkCode.parse(desktop.code().shortCode()), swapped, "laptop", NOW))
                .isInstanceOf(LinkRefusedException.class);
    }

    @Test
    void aRelayThatSubstitutesTheNewDevicesKeyIsRefusedByTheExistingDevice() throws Exception {
        DeviceLinking.Offer desktop = linking.offer(NOW);
        DeviceLinking.Joined laptop = linking.join(desktop.code(), linking.offerMessage(desktop), "laptop", NOW);
        byte[] reply = laptop.reply();
        byte[] swapped = reply.clone();
        System.arraycopy(CRYPTO.x25519().generateKeyPair().publicKey(), 0, swapped, 1, 32);
        assertThatThrownBy(() -> linking.accept(desktop, swapped, NOW))
                .isInstanceOf(LinkRefusedException.class).hasMessageContaining("nothing was linked");
        byte[] renamed = reply.clone();
        renamed[34] ^= 1;
        assertThatThrownBy(() -> linking.accept(desktop, renamed, NOW)).isInstanceOf(LinkRefusedException.class);
        byte[] sealed = linking.seal(laptop.key(), new byte[] {1, 2, 3});
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> linking.open(laptop.key(), sealed)).isInstanceOf(LinkRefusedException.class);
    }

    @Test
    void aWrongCodeFailsAndAnExpiredOneIsRefusedOnBothSides() throws Exception {
        DeviceLinking.Offer desktop = linking.offer(NOW);
        byte[] wrong = desktop.secret();
        wrong[0] ^= 1;
        assertThatThrownBy(() -> linking.join(new LinkCode(Optional.empty(), wrong), linking.offerMessage(desktop),
                "laptop", NOW)).isInstanceOf(LinkRefusedException.class).hasMessageContaining("does not match");
        long late = desktop.expiresAtMillis() + 1;
        assertThatThrownBy(() -> linking.join(desktop.code(), linking.offerMessage(desktop), "laptop", late))
                .isInstanceOf(LinkRefusedException.class).hasMessageContaining("expired")
                .satisfies(e -> assertThat(((LinkRefusedException) e).reason())
                        .isEqualTo(LinkRefusedException.Reason.EXPIRED));
        DeviceLinking.Joined laptop = linking.join(desktop.code(), linking.offerMessage(desktop), "laptop", NOW);
        assertThatThrownBy(() -> linking.accept(desktop, laptop.reply(), late)).hasMessageContaining("expired");
        assertThatThrownBy(() -> linking.accept(desktop, Arrays.copyOf(laptop.reply(), 20), NOW))
                .isInstanceOf(LinkRefusedException.class).hasMessageContaining("not a linking reply");
    }

    @Test
    void codesReadForgivinglyAndRefuseWhatTheyAreNot() {
        LinkCode code = new LinkCode(Optional.empty(), new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, (byte) 0xff});
        String shown = code.shortCode();
        assertThat(shown).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(LinkCode.parse(" " + shown.toLowerCase().replace("-", " ") + " ").secret()).isEqualTo(code.secret());
        assertThat(LinkCode.parse(shown.replace('0', 'O').replace('1', 'I')).secret()).isEqualTo(code.secret());
        assertThatThrownBy(() -> LinkCode.parse("ABCD-EFGH")).hasMessageContaining("16 letters and digits");
        assertThatThrownBy(() -> LinkCode.parse("ABCD-EFGH-UUUU-WXYZ")).hasMessageContaining("only the letters");
        assertThatThrownBy(() -> LinkCode.parse("parley://link/AAAA")).hasMessageContaining("not a Parley linking link");
        assertThat(code.toString()).doesNotContain(shown);
    }
}
