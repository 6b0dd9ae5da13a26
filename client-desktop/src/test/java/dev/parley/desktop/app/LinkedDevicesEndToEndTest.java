package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.desktop.event.MessageReceivedEvent;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.connection.RelayConnectionService;
import dev.parley.desktop.service.device.DeviceJoin;
import dev.parley.desktop.service.device.DeviceLinker;
import dev.parley.desktop.service.device.DeviceService;
import dev.parley.desktop.storage.Direction;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #17, linked devices end to end through a real relay: alice and bob each link a second device (the linking
 * handshake, provisioning, {@code device_add}, the new device's own login); then every message arrives once on every
 * device of its recipient and, as a sent transcript shown as outgoing, on the sender's other device. The first send
 * after bob linked goes to a stale device list (bob's device 1 alone), which the relay corrects; alice's conversation
 * shows "bob linked a new device" once; a message read on one of bob's devices is read on the other. An unlinked device is refused at its next login and wipes its account data;
 * the last device cannot be unlinked; a wrong code fails with a clear message, and a join that fails after its profile
 * was made leaves no profile behind; a join whose user takes longer to confirm than the relay's idle timeout goes
 * through. (A relay that replaces a key in the
 * handshake is refused by both sides: {@code DeviceLinkingTest} in crypto-core.)
 */
class LinkedDevicesEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Shorter than the wait of a user who reads the new device's name before confirming (see {@link #link}). */
    private static final Duration RELAY_IDLE_TIMEOUT = Duration.ofSeconds(3);

    @RegisterExtension
    final TestNetwork network = new TestNetwork(c -> c.withIdleTimeout(RELAY_IDLE_TIMEOUT));

    @Test
    void twoAccountsOnTwoDevicesEachExchangeMessagesThatArriveOnceOnEveryDevice() throws Exception {
        network.connectionTuning = c -> new dev.parley.desktop.service.connection.ConnectionSettings(
                Duration.ofSeconds(1), c.pongTimeout(), c.onlineWait(), c.preKeyLowWater());
        ParleyApp alice = network.register("alice");
        ParleyApp bob = network.register("bob");
        List<Message> bobInbox = inbox(bob);
        List<Message> aliceInbox = inbox(alice);
        alice.contacts().add("bob");
        bob.contacts().add("alice");
        alice.connection().start();
        bob.connection().start();
        alice.messaging().send("bob", "before any linking");
        assertThat(Await.until(() -> bobInbox.size() == 1, WAIT)).isTrue();

        // A wrong code, or no code at all: a clear message, and no profile.
        ParleyApp lost = network.open("lost");
        assertThatThrownBy(() -> lost.joinAccount(network.address(), "0000-0000-0000-0000", "laptop",
                TestNetwork.PASSPHRASE.clone(), Duration.ofSeconds(5))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("wrong or expired");
        assertThatThrownBy(() -> lost.joinAccount(network.address(), "not a code", "laptop",
                TestNetwork.PASSPHRASE.clone(), Duration.ofSeconds(5))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not a linking code");
        assertThat(lost.account().isUnlocked()).isFalse();

        // A join that fails after its profile was made (here alice's device gives up before the new one enrolled, so
        // it is never registered): the half-made profile is deleted, and the name can be used again.
        DeviceLinker.Session abandoned = alice.devices().linker().start();
        ParleyApp halfway = network.open("halfway");
        CompletableFuture<DeviceJoin.Joined> halfJoin = CompletableFuture.supplyAsync(() -> {
            try {
                return halfway.joinAccount(network.address(), abandoned.code().uri(), "halfway",
                        TestNetwork.PASSPHRASE.clone(), Duration.ofSeconds(3));
            } catch (ServiceException e) {
                throw new CompletionException(e);
            }
        });
        assertThat(alice.devices().linker().awaitDevice(abandoned, WAIT)).isEqualTo("halfway");
        assertThatThrownBy(() -> alice.devices().linker().confirm(abandoned, Duration.ZERO))
                .isInstanceOf(ServiceException.class);
        assertThatThrownBy(() -> halfJoin.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .hasCauseInstanceOf(ServiceException.class);
        assertThat(halfway.account().isUnlocked()).isFalse();
        assertThat(halfway.config().directories().profileDirectory(halfway.config().profile())).doesNotExist();
        assertThat(halfway.config().directories().listProfiles()).extracting(p -> p.value()).doesNotContain("halfway");
        assertThat(alice.devices().list()).as("nothing was registered").hasSize(1);

        // bob reads his laptop's name for longer than the relay lets a silent connection live: the joining link
        // keeps itself alive (it pings like a logged-in connection), so the join goes through.
        ParleyApp bobLaptop = link(bob, "bob-laptop", "bob's laptop", RELAY_IDLE_TIMEOUT.multipliedBy(3).dividedBy(2));
        ParleyApp aliceLaptop = link(alice, "alice-laptop", "alice's laptop", Duration.ZERO);
        List<Message> bobLaptopInbox = inbox(bobLaptop);
        List<Message> aliceLaptopInbox = inbox(aliceLaptop);
        assertThat(alice.devices().list()).extracting(DeviceService.Device::name)
                .containsExactly("first device", "alice's laptop");
        assertThat(aliceLaptop.devices().list()).extracting(DeviceService.Device::thisDevice).containsExactly(false, true);

        // alice still thinks bob has one device: the relay answers with his list, alice corrects it and sends again.
        Message hello = alice.messaging().send("bob", "hello to both of bob's devices");
        assertThat(Await.until(() -> texts(bobInbox).contains(hello.body())
                && texts(bobLaptopInbox).contains(hello.body()) && texts(aliceLaptopInbox).contains(hello.body()), WAIT))
                .isTrue();
        Message transcript = find(aliceLaptopInbox, hello.body());
        assertThat(transcript.direction()).as("alice's own other device shows it as sent").isEqualTo(Direction.OUTGOING);
        assertThat(transcript.messageId()).isEqualTo(hello.messageId());
        assertThat(aliceLaptop.messaging().history("bob", Optional.empty(), 10).messages()).extracting(Message::body)
                .containsExactly(hello.body());
        assertThat(find(bobLaptopInbox, hello.body()).messageId()).isEqualTo(hello.messageId());
        assertThat(Await.until(() -> historyTexts(alice, "bob").contains("bob linked a new device"), WAIT)).isTrue();

        // Read on bob's first device: his laptop marks it read too (read-state sync, no second receipt).
        bob.messaging().markRead("alice", find(bobInbox, hello.body()).cursor());
        assertThat(Await.until(() -> stateOf(bobLaptop, "alice", hello.messageId()) == MessageState.READ, WAIT))
                .isTrue();

        // bob answers from his laptop: alice's two devices get it, and bob's first device gets the transcript.
        Message answer = bobLaptop.messaging().send("alice", "from bob's laptop");
        assertThat(Await.until(() -> texts(aliceInbox).contains(answer.body())
                && texts(aliceLaptopInbox).contains(answer.body()) && texts(bobInbox).contains(answer.body()), WAIT))
                .isTrue();
        assertThat(find(bobInbox, answer.body()).direction()).isEqualTo(Direction.OUTGOING);
        assertThat(find(aliceInbox, answer.body()).sender()).isEqualTo("bob");

        // Once per device: nothing arrives twice, even after the corrections.
        assertThat(Await.until(() -> network.relayQueued() == 0, WAIT)).isTrue();
        for (List<Message> inbox : List.of(aliceInbox, bobInbox, aliceLaptopInbox, bobLaptopInbox)) {
            assertThat(inbox).extracting(Message::messageId).doesNotHaveDuplicates();
        }
        assertThat(texts(alice.messaging().history("bob", Optional.empty(), 20).messages()))
                .containsOnlyOnce("bob linked a new device", hello.body(), answer.body());

        // Unlinking: the laptop is refused at its next login and wipes its account data; the last device stays.
        alice.devices().unlink(2);
        RelayConnectionService laptopConnection = (RelayConnectionService) aliceLaptop.connection();
        assertThat(Await.until(laptopConnection::wasUnlinked, WAIT)).isTrue();
        assertThat(aliceLaptop.contacts().list()).isEmpty();
        assertThat(aliceLaptop.messaging().history("bob", Optional.empty(), 10).messages()).isEmpty();
        assertThat(alice.devices().list()).extracting(DeviceService.Device::id).containsExactly(1);
        assertThatThrownBy(() -> alice.devices().unlink(1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("only device");
        Message after = alice.messaging().send("bob", "after unlinking the laptop");
        assertThat(Await.until(() -> texts(bobLaptopInbox).contains(after.body()), WAIT)).isTrue();
    }

    /** Links a new profile {@code profile} to {@code existing}'s account, as the user on both sides would. */
    private ParleyApp link(ParleyApp existing, String profile, String deviceName, Duration readingTheName)
            throws Exception {
        DeviceLinker linker = existing.devices().linker();
        DeviceLinker.Session session = linker.start();
        ParleyApp joining = network.open(profile);
        CompletableFuture<DeviceJoin.Joined> joined = CompletableFuture.supplyAsync(() -> {
            try {
                return joining.joinAccount(network.address(), session.code().shortCode(), deviceName,
                        TestNetwork.PASSPHRASE.clone(), WAIT);
            } catch (ServiceException e) {
                throw new CompletionException(e);
            }
        });
        assertThat(linker.awaitDevice(session, WAIT)).isEqualTo(deviceName);
        Thread.sleep(readingTheName.toMillis());          // the user, not a condition to wait for
        int deviceId = linker.confirm(session, WAIT);
        assertThat(joined.get(WAIT.toSeconds(), TimeUnit.SECONDS).deviceId()).isEqualTo(deviceId);
        joining.connection().start();
        joining.devices().startOwnSessions();
        return joining;
    }

    private static List<Message> inbox(ParleyApp app) {
        List<Message> inbox = new CopyOnWriteArrayList<>();
        app.events().subscribe(MessageReceivedEvent.class, e -> inbox.add(e.message()));
        return inbox;
    }

    private static MessageState stateOf(ParleyApp app, String peer, dev.parley.desktop.storage.MessageId id) {
        try {
            return app.messaging().history(peer, Optional.empty(), 20).messages().stream()
                    .filter(m -> m.messageId().equals(id)).map(Message::state).findFirst().orElse(null);
        } catch (ServiceException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> historyTexts(ParleyApp app, String peer) {
        try {
            return texts(app.messaging().history(peer, Optional.empty(), 20).messages());
        } catch (ServiceException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> texts(List<Message> messages) {
        return messages.stream().map(Message::body).toList();
    }

    private static Message find(List<Message> messages, String body) {
        return messages.stream().filter(m -> m.body().equals(body)).findFirst().orElseThrow();
    }
}
