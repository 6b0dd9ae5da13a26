package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.event.ProfileChangedEvent;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.UnknownContactException;
import dev.parley.desktop.service.ProfileService;
import dev.parley.desktop.service.ProfileService.Update;
import dev.parley.desktop.storage.UserProfile;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue #14, profiles: Alice, Bob and Mallory over the real relay; only contacts get a profile. */
class ProfilesTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final String ALICE_NAME = "Alice Quetzalcoatl-Liddell";
    private static final String BOB_NAME = "Bob Zanzibar-Stroud";

    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    @Test
    void profilesGoToContactsOnlyFollowChangesAndNicknamesOverrideThem() throws Exception {
        ParleyApp alice = network.register("alice");
        ParleyApp bob = network.register("bob");
        alice.connection().start();
        bob.connection().start();
        byte[] picture = png(300, 200);
        UserProfile set = alice.profiles().update(new Update(Optional.of(ALICE_NAME), Optional.of("Down the rabbit hole"),
                Optional.of(picture), false));
        assertThat(set.hasAvatar()).isTrue();
        bob.profiles().update(new Update(Optional.of(BOB_NAME), Optional.empty(), Optional.empty(), false));

        alice.contacts().add("bob");
        alice.messaging().send("bob", "hello bob");
        assertThat(Await.until(() -> shown(bob, "alice").equals(ALICE_NAME), WAIT))
                .as("the requester's profile follows her first message: bob sees who wrote").isTrue();
        assertThat(bob.profiles().of("alice").profile().orElseThrow().avatar()).isEqualTo(set.avatar());
        assertThat(bob.profiles().of("alice").profile().orElseThrow().about()).isEqualTo("Down the rabbit hole");
        Thread.sleep(QUIET.toMillis());
        assertThat(alice.profiles().of("bob").profile()).as("bob shares nothing with a request").isEmpty();

        bob.contacts().accept("alice");
        assertThat(Await.until(() -> shown(alice, "bob").equals(BOB_NAME), WAIT)).as("sent on accept").isTrue();

        List<ProfileChangedEvent> bobSaw = new CopyOnWriteArrayList<>();
        bob.events().subscribe(ProfileChangedEvent.class, bobSaw::add);
        alice.profiles().update(new Update(Optional.of("Alice L."), Optional.empty(), Optional.empty(), true));
        assertThat(Await.until(() -> shown(bob, "alice").equals("Alice L."), WAIT)).as("re-sent on change").isTrue();
        assertThat(bob.profiles().of("alice").profile().orElseThrow().hasAvatar()).isFalse();
        assertThat(bobSaw).contains(new ProfileChangedEvent("alice"));

        assertThat(bob.profiles().setNickname("alice", "Sis").shown()).isEqualTo("Sis");
        assertThat(bob.profiles().setNickname("alice", "").shown()).isEqualTo("Alice L.");
        assertThatThrownBy(() -> bob.profiles().setNickname("alice", "n".repeat(65))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theSenderRefusesBadProfilesAndTheReceiverCleansOrIgnoresHostileOnes() throws Exception {
        ParleyApp bob = network.register("bob");
        bob.connection().start();
        assertThatThrownBy(() -> bob.profiles().update(new Update(Optional.of("x".repeat(10_000)), Optional.empty(),
                Optional.empty(), false))).isInstanceOf(InvalidInputException.class).hasMessageContaining("64");
        assertThatThrownBy(() -> bob.profiles().update(new Update(Optional.empty(), Optional.empty(),
                Optional.of("not an image".getBytes(StandardCharsets.UTF_8)), false))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> bob.profiles().update(new Update(Optional.empty(), Optional.empty(),
                Optional.of(new byte[50 * 1024 * 1024]), false))).isInstanceOf(InvalidInputException.class);
        assertThat(bob.profiles().update(new Update(Optional.of("\u202Ebob\u2066"), Optional.empty(), Optional.empty(), false))
                .displayName()).isEqualTo("bob");
        assertThat(bob.profiles().own()).isPresent();

        try (OutsideClient mallory = OutsideClient.register(network, "mallory")) {
            mallory.sendAs("mallory", "bob", new Payload.Profile(5, "Mallory the stranger", "", new byte[0]));
            assertThat(Await.until(() -> network.relayQueued() == 0, WAIT)).as("acknowledged").isTrue();
            assertThat(requests(bob)).as("a profile alone from a non-contact opens no request (protocol.md 1.12)")
                    .doesNotContain("mallory");
            assertThatThrownBy(() -> bob.profiles().of("mallory")).as("and is not kept")
                    .isInstanceOf(UnknownContactException.class);

            mallory.sendTextAs("mallory", "bob", "hi");
            mallory.sendAs("mallory", "bob", new Payload.Profile(6, "\u0420\u0430ypal \u202Esupport" + "\u200B".repeat(30)
                    + "z".repeat(100), "a".repeat(1000), "GIF89a but not really an image".getBytes(StandardCharsets.UTF_8)));
            assertThat(Await.until(() -> requests(bob).contains("mallory") && profileOf(bob, "mallory").isPresent(), WAIT))
                    .isTrue();
            UserProfile stored = bob.profiles().of("mallory").profile().orElseThrow();
            assertThat(stored.displayName()).doesNotContain("\u202E", "\u200B").startsWith("\u0420\u0430ypal support")
                    .satisfies(n -> assertThat(n.codePointCount(0, n.length())).isEqualTo(64));
            assertThat(stored.about()).hasSize(140);
            assertThat(stored.hasAvatar()).as("an avatar that is not an image is dropped").isFalse();
            assertThat(bob.profiles().of("mallory").shown()).as("a look-alike shows its username")
                    .endsWith("(@mallory)");

            mallory.sendAs("mallory", "bob", new Payload.Profile(3, "Older Mallory", "", new byte[0]));
            mallory.sendTextAs("mallory", "bob", "after the old profile");
            assertThat(Await.until(() -> history(bob, "mallory") == 2, WAIT)).isTrue();
            assertThat(bob.profiles().of("mallory").profile().orElseThrow().version()).as("a replayed older version")
                    .isEqualTo(6);
        }
    }

    @Test
    void aProfileSetAfterAddingSomeoneButBeforeWritingToThemGoesWithTheFirstMessage() throws Exception {
        ParleyApp alice = network.register("alice");
        ParleyApp bob = network.register("bob");
        alice.connection().start();
        bob.connection().start();
        alice.contacts().add("bob");
        // bob has not added alice: a profile sent now would reach a stranger and be dropped
        alice.profiles().update(new Update(Optional.of(ALICE_NAME), Optional.empty(), Optional.empty(), false));
        alice.messaging().send("bob", "hello bob");
        assertThat(Await.until(() -> shown(bob, "alice").equals(ALICE_NAME), WAIT))
                .as("bob's request shows alice's name").isTrue();
    }

    @Test
    void theRelaysDataAndLogsNeverHoldADisplayNameOrAvatarBytes() throws Exception {
        ParleyApp alice = network.register("alice");
        ParleyApp bob = network.register("bob");
        alice.contacts().add("bob");
        bob.contacts().add("alice");
        UserProfile aliceProfile = alice.profiles().update(new Update(Optional.of(ALICE_NAME), Optional.empty(),
                Optional.of(png(200, 200)), false));
        bob.profiles().update(new Update(Optional.of(BOB_NAME), Optional.empty(), Optional.empty(), false));
        alice.connection().start();
        alice.messaging().send("bob", "hi");
        assertThat(alice.connection().awaitDrained(WAIT)).as("bob is offline: the relay stored text and profile").isTrue();
        bob.connection().start();
        bob.messaging().send("alice", "hi");
        assertThat(Await.until(() -> shown(bob, "alice").equals(ALICE_NAME) && shown(alice, "bob").equals(BOB_NAME), WAIT))
                .isTrue();

        byte[] avatarSample = Arrays.copyOfRange(aliceProfile.avatar(), 64, 96);
        try (Stream<Path> files = Files.walk(network.root.resolve("relay"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(file);
                for (byte[] secret : List.of(ALICE_NAME.getBytes(StandardCharsets.UTF_8),
                        BOB_NAME.getBytes(StandardCharsets.UTF_8), avatarSample)) {
                    assertThat(indexOf(content, secret)).as("%s holds profile content", file.getFileName()).isNegative();
                }
            }
        }
    }

    private static String shown(ParleyApp app, String user) {
        try {
            return app.profiles().of(user).shown();
        } catch (Exception e) {
            return "";
        }
    }

    private static Optional<UserProfile> profileOf(ParleyApp app, String user) {
        try {
            return app.profiles().of(user).profile();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static List<String> requests(ParleyApp app) {
        try {
            return app.contacts().requests().stream().map(c -> c.username()).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int history(ParleyApp app, String contact) {
        try {
            return app.messaging().history(contact, Optional.empty(), 100).messages().size();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        for (int i = 0; i < 20; i++) {
            g.setColor(new Color(i * 12, 255 - i * 12, (i * 37) % 256));
            g.fillRect(i * width / 20, 0, width / 20 + 1, height);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
