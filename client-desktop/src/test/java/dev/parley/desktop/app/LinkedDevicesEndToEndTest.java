package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.payload.Payload;
import dev.parley.crypto.primitives.Argon2Params;
import dev.parley.desktop.profile.ProfileManager;
import dev.parley.desktop.profile.ProfileName;
import dev.parley.desktop.profile.UnlockedProfile;
import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.h2.DatabaseSurgery;
import dev.parley.desktop.event.MessageReceivedEvent;
import dev.parley.desktop.event.TypingChangedEvent;
import dev.parley.desktop.service.ContactPresence;
import dev.parley.desktop.service.ProfileService;
import dev.parley.desktop.service.AttachmentService.TransferProgress;
import dev.parley.desktop.service.messaging.ForgedPayloads;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.ConversationMarks;
import dev.parley.desktop.storage.DisappearingTimer;
import dev.parley.desktop.storage.IdentityChangeState;
import dev.parley.desktop.storage.Reaction;
import dev.parley.desktop.storage.Setting;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * device of its recipient and, as a sent transcript shown as outgoing, on the sender's other device, in direct
 * conversations and in a group of alice, bob and erin ({@link LinkedDeviceGroupFlows}). The first send
 * after bob linked goes to a stale device list (bob's device 1 alone), which the relay corrects; alice's conversation
 * shows "bob linked a new device" once; a message read on one of bob's devices is read on the other. An unlinked device is refused at its next login and wipes its account data;
 * the last device cannot be unlinked; a wrong code fails with a clear message, and a join that fails after its profile
 * was made leaves no profile behind; a join whose user takes longer to confirm than the relay's idle timeout goes
 * through. (A relay that replaces a key in the
 * handshake is refused by both sides: {@code DeviceLinkingTest} in crypto-core.)
 */
class LinkedDevicesEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String GROUP_MARKER = "a group only the laptop had";
    private static final String DAVE_MARKER = "hi alice, it's dave";

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
        ParleyApp bobLaptop = network.linkDevice(bob, "bob-laptop", "bob's laptop",
                RELAY_IDLE_TIMEOUT.multipliedBy(3).dividedBy(2));
        // A group of alice, bob and erin exists before alice links her laptop, and bob has written in it.
        ParleyApp erin = network.register("erin");
        erin.connection().start();
        dev.parley.crypto.group.GroupId group = LinkedDeviceGroupFlows.beforeTheLaptop(alice, bob, bobLaptop, erin);
        alice.accountSettings().set(Setting.TYPING_INDICATORS, false);    // the laptop starts with it (item 1)
        ParleyApp aliceLaptop = network.linkDevice(alice, "alice-laptop", "alice's laptop", Duration.ZERO);
        List<Message> bobLaptopInbox = inbox(bobLaptop);
        List<Message> aliceLaptopInbox = inbox(aliceLaptop);
        assertThat(alice.devices().list()).extracting(DeviceService.Device::name)
                .containsExactly("first device", "alice's laptop");
        assertThat(aliceLaptop.devices().list()).extracting(DeviceService.Device::thisDevice).containsExactly(false, true);

        // alice learnt bob's laptop when the relay answered her group change's stale list; both devices get this.
        Message hello = alice.messaging().send("bob", "hello to both of bob's devices");
        assertThat(Await.until(() -> texts(bobInbox).contains(hello.body())
                && texts(bobLaptopInbox).contains(hello.body()) && texts(aliceLaptopInbox).contains(hello.body()), WAIT))
                .isTrue();
        Message transcript = find(aliceLaptopInbox, hello.body());
        assertThat(transcript.direction()).as("alice's own other device shows it as sent").isEqualTo(Direction.OUTGOING);
        assertThat(transcript.messageId()).isEqualTo(hello.messageId());
        // once, as one message (a receipt from bob's laptop may add "bob linked a new device" here first: the laptop
        // got bob as a contact at link time, but not his device list)
        assertThat(aliceLaptop.messaging().history("bob", Optional.empty(), 10).messages()).extracting(Message::body)
                .filteredOn(hello.body()::equals).hasSize(1);
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

        conversationActionsReachTheOwnOtherDevice(alice, aliceLaptop, answer);
        contactsMarksAndProfileReachTheOwnOtherDevice(alice, aliceLaptop);
        aReplyOnOneDeviceAcceptsTheRequestOnTheOther(alice, aliceLaptop);
        settingsFollowTheAccount(alice, aliceLaptop, bob);
        aContactCannotForgeWhatOnlyOwnDevicesSend(alice, aliceLaptop, bob);
        typingAndPresenceReachEveryDevice(alice, aliceLaptop, bob, bobLaptop);
        LinkedDeviceGroupFlows.everyDeviceOfEveryMember(alice, aliceLaptop, bob, bobLaptop, erin, group);

        // Unlinking: the laptop is refused at its next login and wipes its account data (item 4: group conversations,
        // files and their keys too); the last device stays.
        aliceLaptop.groups().create(GROUP_MARKER, List.of("bob"));
        Path laptopData = network.root.resolve("data-alice-laptop");
        assertThat(attachmentFiles(laptopData)).as("the laptop keeps the file it downloaded").isNotEmpty();
        alice.devices().unlink(2);
        RelayConnectionService laptopConnection = (RelayConnectionService) aliceLaptop.connection();
        assertThat(Await.until(laptopConnection::wasUnlinked, WAIT)).isTrue();
        assertThat(aliceLaptop.contacts().list()).isEmpty();
        assertThat(aliceLaptop.messaging().history("bob", Optional.empty(), 10).messages()).isEmpty();
        assertThat(aliceLaptop.groups().list()).isEmpty();
        assertThat(attachmentFiles(laptopData)).isEmpty();
        aliceLaptop.close();
        nothingOfTheAccountIsLeftIn("alice-laptop", List.of("to be edited", "edited on the first device",
                "from bob's laptop", "a reply to bob's laptop", "the notes", "notes.txt", GROUP_MARKER, DAVE_MARKER, "Alice A.",
                "on two computers", LinkedDeviceGroupFlows.FROM_ALICE, LinkedDeviceGroupFlows.BEFORE_THE_LAPTOP));
        assertThat(alice.devices().list()).extracting(DeviceService.Device::id).containsExactly(1);
        assertThatThrownBy(() -> alice.devices().unlink(1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("only device");
        Message after = alice.messaging().send("bob", "after unlinking the laptop");
        assertThat(Await.until(() -> texts(bobLaptopInbox).contains(after.body()), WAIT)).isTrue();

        LinkedDeviceGroupFlows.membersReKeyWhenBobUnlinksHisLaptop(alice, bob, bobLaptop, erin, group);
    }

    /**
     * Item 1 of this session: a reply, a reaction, an edit, a delete for everyone, a timer change and a file sent from
     * alice's first device are applied on her laptop as its own (sent transcripts); the laptop can download the file.
     */
    private void conversationActionsReachTheOwnOtherDevice(ParleyApp alice, ParleyApp laptop, Message bobs)
            throws Exception {
        Message edited = alice.messaging().send("bob", "to be edited");
        Message deleted = alice.messaging().send("bob", "to be deleted");
        Message reply = alice.actions().reply(bobs.messageId(), "a reply to bob's laptop");
        alice.messaging().react(bobs.messageId(), "\uD83D\uDC4D", false);
        alice.actions().edit(edited.messageId(), "edited on the first device");
        alice.actions().deleteForEveryone(deleted.messageId());
        alice.actions().setDisappearing("bob", DisappearingTimer.HOUR_1);
        byte[] content = "the notes, for bob".getBytes(StandardCharsets.UTF_8);
        Message file = alice.attachments().sendFile("bob", Files.write(network.root.resolve("notes.txt"), content),
                "the notes", TransferProgress.NONE);
        assertThat(Await.until(() -> quietly(() -> laptop.messaging().message(file.messageId()).isPresent()
                && laptop.actions().disappearing("bob") == DisappearingTimer.HOUR_1), WAIT)).isTrue();

        Message replyThere = laptop.messaging().message(reply.messageId()).orElseThrow();
        assertThat(replyThere.direction()).isEqualTo(Direction.OUTGOING);
        assertThat(replyThere.quote().found()).isTrue();
        assertThat(replyThere.quote().target()).isEqualTo(bobs.messageId());
        assertThat(laptop.messaging().reactions(bobs.messageId())).extracting(Reaction::reactor, Reaction::emoji)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("alice", "\uD83D\uDC4D"));
        Message editedThere = laptop.messaging().message(edited.messageId()).orElseThrow();
        assertThat(editedThere.body()).isEqualTo("edited on the first device");
        assertThat(editedThere.editCount()).isEqualTo(1);
        assertThat(laptop.messaging().message(deleted.messageId()).orElseThrow().deleted()).isTrue();
        assertThat(historyTexts(laptop, "bob")).contains("You set disappearing messages to 1 hour");
        assertThat(laptop.messaging().message(file.messageId()).orElseThrow().direction())
                .isEqualTo(Direction.OUTGOING);
        Path saved = laptop.attachments().save(file.messageId(), network.root.resolve("notes-on-the-laptop.txt"),
                TransferProgress.NONE);
        assertThat(Files.readAllBytes(saved)).isEqualTo(content);
        alice.actions().setDisappearing("bob", DisappearingTimer.OFF);
    }

    /**
     * Item 1: contacts added, verified, blocked, unblocked and removed on alice's first device, the mute and archive
     * marks of a conversation and her own profile follow on her laptop (contact, conversation and profile sync).
     */
    private void contactsMarksAndProfileReachTheOwnOtherDevice(ParleyApp alice, ParleyApp laptop) throws Exception {
        network.register("carol");
        Contact carol = alice.contacts().add("carol");
        assertThat(Await.until(() -> quietly(() -> laptop.contacts().list().stream()
                .anyMatch(c -> c.username().equals("carol") && c.identityChange() == IdentityChangeState.NONE)), WAIT))
                .isTrue();
        assertThat(laptop.contacts().get("carol").identityKey()).isEqualTo(carol.identityKey());
        alice.contacts().markVerified("carol", carol.identityKey());
        // the laptop posts the event a mute or archive made on it posts, so its conversation list shows them at once
        List<dev.parley.desktop.event.ConversationMarksChangedEvent> marked = new CopyOnWriteArrayList<>();
        laptop.events().subscribe(dev.parley.desktop.event.ConversationMarksChangedEvent.class, marked::add);
        alice.conversationMarks().mute("bob", true);
        alice.conversationMarks().archive("bob", true);
        alice.contacts().block("carol");
        alice.profiles().update(new ProfileService.Update(Optional.of("Alice A."), Optional.of("on two computers"),
                Optional.empty(), false));
        assertThat(Await.until(() -> quietly(() -> laptop.contacts().get("carol").verified()
                && laptop.conversationMarks().marks("bob").equals(new ConversationMarks(true, true))
                && laptop.contacts().blocked().contains("carol")
                && laptop.profiles().own().map(p -> p.displayName().equals("Alice A.")).orElse(false)), WAIT))
                .isTrue();
        assertThat(laptop.profiles().own().orElseThrow().about()).isEqualTo("on two computers");
        assertThat(Await.until(() -> marked.contains(
                new dev.parley.desktop.event.ConversationMarksChangedEvent("bob", true, true)), WAIT)).isTrue();

        alice.contacts().unblock("carol");
        alice.conversationMarks().mute("bob", false);
        alice.conversationMarks().archive("bob", false);
        alice.contacts().remove("carol", true);
        assertThat(Await.until(() -> quietly(() -> laptop.contacts().list().stream()
                .noneMatch(c -> c.username().equals("carol")) && laptop.contacts().blocked().isEmpty()
                && laptop.conversationMarks().marks("bob").equals(ConversationMarks.NONE)), WAIT)).isTrue();
    }

    /**
     * This session's item 1: the settings that follow the account came with the link and follow later changes either
     * way; a stale change, a value this version cannot take and a contact's forged sync change nothing; a newer
     * version's setting is kept. Device-local settings stay local.
     */
    private void settingsFollowTheAccount(ParleyApp alice, ParleyApp laptop, ParleyApp bob) throws Exception {
        assertThat(Await.until(() -> quietly(() -> !laptop.accountSettings().get(Setting.TYPING_INDICATORS)), WAIT))
                .as("set before the link").isTrue();
        List<dev.parley.desktop.event.AccountSettingsChangedEvent> changed = new CopyOnWriteArrayList<>();
        alice.events().subscribe(dev.parley.desktop.event.AccountSettingsChangedEvent.class, changed::add);
        laptop.accountSettings().set(Setting.TYPING_INDICATORS, true);
        laptop.accountSettings().set(Setting.READ_RECEIPTS, false);
        laptop.accountSettings().set(Setting.AUTO_LOCK_MINUTES, 3);
        assertThat(Await.until(() -> quietly(() -> alice.accountSettings().get(Setting.TYPING_INDICATORS)
                && !alice.accountSettings().get(Setting.READ_RECEIPTS)), WAIT)).isTrue();
        assertThat(changed).isNotEmpty();
        assertThat(alice.accountSettings().get(Setting.AUTO_LOCK_MINUTES)).as("this computer's own").isEqualTo(15);

        ForgedPayloads.send(bob.messaging(), bob.contacts().get("alice"), new dev.parley.crypto.payload.SettingsSync(
                List.of(new dev.parley.crypto.payload.SettingsSync.Entry("read_receipts", "true", Long.MAX_VALUE))));
        ForgedPayloads.toOwnDevices(laptop.messaging(), new dev.parley.crypto.payload.SettingsSync(List.of(
                new dev.parley.crypto.payload.SettingsSync.Entry("read_receipts", "true", 5),
                new dev.parley.crypto.payload.SettingsSync.Entry("presence", "EVERYONE_ON_MARS", Long.MAX_VALUE),
                new dev.parley.crypto.payload.SettingsSync.Entry("from.a.newer.version", "kept", 5))));
        Message marker = bob.messaging().send("alice", "after the forged settings");
        assertThat(Await.until(() -> historyTexts(alice, "bob").contains(marker.body()) && quietly(() ->
                alice.storage().transactions().transactionWithResult(true, txn -> dev.parley.desktop.service.settings
                        .SyncedSettings.snapshot(txn, alice.storage())).entries().stream()
                        .anyMatch(e -> e.key().equals("from.a.newer.version"))), WAIT)).isTrue();
        assertThat(alice.accountSettings().get(Setting.READ_RECEIPTS)).as("stale, or from a contact").isFalse();
        assertThat(alice.accountSettings().get(Setting.PRESENCE)).isEqualTo(dev.parley.desktop.storage
                .PresenceVisibility.CONTACTS);
        laptop.accountSettings().set(Setting.READ_RECEIPTS, true);
        assertThat(Await.until(() -> quietly(() -> alice.accountSettings().get(Setting.READ_RECEIPTS)), WAIT)).isTrue();
    }

    /** Item 1: dave writes first (a message request on both of alice's devices); her reply accepts it on both. */
    private void aReplyOnOneDeviceAcceptsTheRequestOnTheOther(ParleyApp alice, ParleyApp laptop) throws Exception {
        ParleyApp dave = network.register("dave");
        dave.contacts().add("alice");
        dave.connection().start();
        dave.messaging().send("alice", DAVE_MARKER);
        assertThat(Await.until(() -> quietly(() -> alice.contacts().requests().stream()
                .anyMatch(c -> c.username().equals("dave")) && laptop.contacts().requests().stream()
                .anyMatch(c -> c.username().equals("dave"))), WAIT)).isTrue();
        alice.messaging().send("dave", "hello dave");
        assertThat(Await.until(() -> quietly(() -> laptop.contacts().get("dave").identityChange()
                == IdentityChangeState.NONE), WAIT)).isTrue();
        assertThat(laptop.contacts().requests()).isEmpty();
    }

    /**
     * Item 1: a contact's client that sends what only one's own devices may (a transcript, a contact, a conversation
     * or a profile sync) changes nothing on either of alice's devices.
     */
    private void aContactCannotForgeWhatOnlyOwnDevicesSend(ParleyApp alice, ParleyApp laptop, ParleyApp bob)
            throws Exception {
        Contact aliceOnBob = bob.contacts().get("alice");
        dev.parley.crypto.payload.MessageId forged = dev.parley.crypto.payload.MessageId.random(TestNetwork.CRYPTO.random());
        ForgedPayloads.send(bob.messaging(), aliceOnBob, new Payload.SentTranscript("bob",
                new Payload.Text(forged, System.currentTimeMillis(), "forged by bob")));
        ForgedPayloads.send(bob.messaging(), aliceOnBob, new Payload.ContactSync(Payload.ContactSync.Change.BLOCKED,
                "carol", null));
        ForgedPayloads.send(bob.messaging(), aliceOnBob, new Payload.ConversationSync("bob", null, true, true));
        Message marker = bob.messaging().send("alice", "after the forgeries");
        for (ParleyApp device : List.of(alice, laptop)) {
            assertThat(Await.until(() -> historyTexts(device, "bob").contains(marker.body()), WAIT)).isTrue();
            assertThat(historyTexts(device, "bob")).doesNotContain("forged by bob");
            assertThat(device.messaging().message(new dev.parley.desktop.storage.MessageId(forged.hex()))).isEmpty();
            assertThat(device.contacts().blocked()).isEmpty();
            assertThat(device.conversationMarks().marks("bob")).isEqualTo(ConversationMarks.NONE);
        }
    }

    /**
     * Item 2: typing and presence reach every device of the contact ({@code device_send_ephemeral}); the contact is
     * online while any of its devices is; a device never shows its own account's presence.
     */
    private void typingAndPresenceReachEveryDevice(ParleyApp alice, ParleyApp laptop, ParleyApp bob,
                                                   ParleyApp bobLaptop) throws Exception {
        List<TypingChangedEvent> typingHere = new CopyOnWriteArrayList<>();
        List<TypingChangedEvent> typingThere = new CopyOnWriteArrayList<>();
        alice.events().subscribe(TypingChangedEvent.class, typingHere::add);
        laptop.events().subscribe(TypingChangedEvent.class, typingThere::add);
        bobLaptop.messaging().setTyping("alice", true);
        TypingChangedEvent typing = new TypingChangedEvent("bob", true);
        assertThat(Await.until(() -> typingHere.contains(typing) && typingThere.contains(typing), WAIT)).isTrue();

        alice.presence().start();
        laptop.presence().start();
        bobLaptop.presence().start();
        assertThat(Await.until(() -> status(alice, "bob") == ContactPresence.Status.ONLINE
                && status(laptop, "bob") == ContactPresence.Status.ONLINE, WAIT)).as("bob's laptop announced").isTrue();
        bob.presence().start();
        bob.presence().close();
        Message marker = bob.messaging().send("alice", "bob's first device said goodbye");
        assertThat(Await.until(() -> historyTexts(alice, "bob").contains(marker.body())
                && historyTexts(laptop, "bob").contains(marker.body()), WAIT)).isTrue();
        assertThat(status(alice, "bob")).as("his laptop is still online").isEqualTo(ContactPresence.Status.ONLINE);
        assertThat(status(laptop, "bob")).isEqualTo(ContactPresence.Status.ONLINE);
        assertThat(laptop.presence().contacts()).extracting(ContactPresence::username).doesNotContain("alice");
        bobLaptop.presence().close();
        assertThat(Await.until(() -> status(alice, "bob") == ContactPresence.Status.OFFLINE
                && status(laptop, "bob") == ContactPresence.Status.OFFLINE, WAIT)).isTrue();
    }

    private static ContactPresence.Status status(ParleyApp app, String contact) {
        return quietlyGet(() -> app.presence().of(contact).orElseThrow().status());
    }

    @FunctionalInterface
    private interface Value<T> {
        T get() throws Exception;
    }

    private static <T> T quietlyGet(Value<T> value) {
        try {
            return value.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Files under the profile's attachment directories. */
    private static List<Path> attachmentFiles(Path profileData) throws java.io.IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(profileData)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> p.toString().contains(java.io.File.separator + "attachments" + java.io.File.separator))
                    .toList();
        }
    }

    /**
     * Item 4: the wiped profile still unlocks, and a plaintext dump of its whole database (every row of every table)
     * holds none of the markers, neither as text nor as the hex of their UTF-8 bytes (binary columns).
     */
    private void nothingOfTheAccountIsLeftIn(String profile, List<String> markers) throws Exception {
        try (UnlockedProfile wiped = new ProfileManager(network.config(profile).directories(), TestNetwork.CRYPTO,
                new Argon2Params(1024, 1, 1)).unlock(new ProfileName(profile), TestNetwork.PASSPHRASE.clone(),
                EventPublisher.NONE)) {
            String dump = DatabaseSurgery.dump(wiped.storage());
            assertThat(dump).contains("CREATE");
            for (String marker : markers) {
                assertThat(dump).as("the dump holds no trace of a marker").doesNotContain(marker)
                        .doesNotContainIgnoringCase(java.util.HexFormat.of().formatHex(
                                marker.getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    private static boolean quietly(Check check) {
        try {
            return check.holds();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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
