package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.group.GroupCipher;
import dev.parley.crypto.group.GroupId;
import dev.parley.crypto.group.GroupMember;
import dev.parley.crypto.group.GroupRole;
import dev.parley.crypto.group.SenderKeyRecord;
import dev.parley.crypto.group.SenderKeyState;
import dev.parley.crypto.payload.GroupSync;
import dev.parley.crypto.payload.GroupTranscript;
import dev.parley.crypto.payload.Payload;
import dev.parley.crypto.payload.SenderKeySync;
import dev.parley.desktop.service.messaging.ForgedPayloads;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.Direction;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageState;
import dev.parley.desktop.storage.Reaction;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The group part of {@link LinkedDevicesEndToEndTest} (issue #17 with #15): alice (two devices), bob (two devices) and
 * erin (one) in one group, on the test's relay and profiles.
 */
final class LinkedDeviceGroupFlows {
    private static final Duration WAIT = Duration.ofSeconds(30);
    static final String TITLE = "Climbing";
    static final String BEFORE_THE_LAPTOP = "bob, before alice linked her laptop";
    static final String FROM_ALICE = "alice to the group";

    private LinkedDeviceGroupFlows() {
    }

    /**
     * Before alice links her laptop: she creates the group with bob and erin (the change reaches both of bob's
     * devices), and bob writes in it, so alice holds his sender key when she links the laptop.
     */
    static GroupId beforeTheLaptop(ParleyApp alice, ParleyApp bob, ParleyApp bobLaptop, ParleyApp erin)
            throws Exception {
        GroupId id = alice.groups().create(TITLE, List.of("bob", "erin")).state().id();
        for (ParleyApp member : List.of(bob, bobLaptop, erin)) {
            assertThat(Await.until(() -> holds(member, id), WAIT)).isTrue();
        }
        bob.groups().send(ConversationId.group(id).value(), BEFORE_THE_LAPTOP);
        assertThat(Await.until(() -> bodies(alice, id).contains(BEFORE_THE_LAPTOP)
                && bodies(erin, id).contains(BEFORE_THE_LAPTOP), WAIT)).isTrue();
        return id;
    }

    /**
     * Item 2: the laptop linked after the group existed holds it (GROUP_SYNC) and reads bob's next message with the key
     * its sibling forwarded (SENDER_KEY_SYNC). Item 1: every message arrives once on every device of every member,
     * with its sender, and as an outgoing message on the sender's other device (group transcripts); a reaction from
     * the laptop is the account's own on the desktop; a rename on the desktop reaches the laptop; reading on the laptop
     * marks the group read on the desktop. A contact sending what only own devices may send changes nothing.
     */
    static void everyDeviceOfEveryMember(ParleyApp alice, ParleyApp aliceLaptop, ParleyApp bob, ParleyApp bobLaptop,
                                         ParleyApp erin, GroupId id) throws Exception {
        assertThat(Await.until(() -> holds(aliceLaptop, id), WAIT)).as("the group came with the link").isTrue();
        String group = ConversationId.group(id).value();
        Message fromBob = bob.groups().send(group, "bob, after alice linked her laptop");
        Message fromAlice = alice.groups().send(group, FROM_ALICE);
        Message fromBobsLaptop = bobLaptop.groups().send(group, "from bob's laptop to the group");
        Message fromErin = erin.groups().send(group, "erin to the group");
        List<ParleyApp> everyone = List.of(alice, aliceLaptop, bob, bobLaptop, erin);
        List<Message> sent = List.of(fromBob, fromAlice, fromBobsLaptop, fromErin);
        for (int i = 0; i < everyone.size(); i++) {
            ParleyApp device = everyone.get(i);
            assertThat(Await.until(() -> sent.stream().allMatch(m -> bodies(device, id).contains(m.body())), WAIT))
                    .as("every message on device %d of [alice, her laptop, bob, his laptop, erin]; it has %s", i,
                            bodies(device, id)).isTrue();
        }
        assertThat(find(aliceLaptop, id, fromBob.body()).sender()).isEqualTo("bob");
        assertThat(find(aliceLaptop, id, fromBob.body()).direction()).isEqualTo(Direction.INCOMING);
        assertThat(find(aliceLaptop, id, FROM_ALICE).direction()).as("her own, sent from the desktop")
                .isEqualTo(Direction.OUTGOING);
        assertThat(find(aliceLaptop, id, FROM_ALICE).messageId()).isEqualTo(fromAlice.messageId());
        assertThat(find(bob, id, fromBobsLaptop.body()).direction()).isEqualTo(Direction.OUTGOING);
        assertThat(find(alice, id, fromBobsLaptop.body()).sender()).isEqualTo("bob");
        assertThat(find(bobLaptop, id, fromErin.body()).sender()).isEqualTo("erin");
        // erin, for whom bob is no contact, owes bob (two devices) a delivery receipt: sent to both, corrected once
        assertThat(Await.until(() -> quietly(() -> bob.messaging().memberReceipts(fromBob.messageId()).stream()
                .anyMatch(r -> r.member().equals("erin") && r.deliveredAt() != null)), WAIT)).isTrue();

        aliceLaptop.messaging().react(fromErin.messageId(), "\uD83D\uDC4D", false);
        alice.groups().rename(group, "Bouldering");
        aliceLaptop.messaging().markRead(ConversationId.group(id).value(), find(aliceLaptop, id, fromErin.body())
                .cursor());
        assertThat(Await.until(() -> quietly(() -> alice.messaging().reactions(fromErin.messageId()).stream()
                .anyMatch(r -> r.reactor().equals("alice")) && erin.messaging().reactions(fromErin.messageId())
                .stream().anyMatch(r -> r.reactor().equals("alice"))
                && aliceLaptop.groups().find(group).state().title().equals("Bouldering")
                && find(alice, id, fromErin.body()).state() == MessageState.READ), WAIT)).isTrue();
        assertThat(alice.messaging().reactions(fromErin.messageId())).extracting(Reaction::reactor)
                .containsExactly("alice");

        aContactCannotForgeOwnDeviceGroupPayloads(alice, aliceLaptop, bob, erin, id);
        aMessageBeforeItsKeyWaitsForIt(alice, aliceLaptop, bob, id);
        for (ParleyApp device : everyone) {
            List<String> bodies = bodies(device, id);
            for (Message m : sent) {
                assertThat(bodies).as("once on each device").containsOnlyOnce(m.body());
            }
        }
    }

    /**
     * This session's item 2: bob unlinks his laptop; alice and erin learn it from bob's DEVICE_UNLINKED and retire
     * their sending keys in the group, so their next group messages go under fresh keys: nothing the laptop held
     * (their keys at whatever iteration it reached) decrypts them, and bob's remaining device reads them.
     */
    static void membersReKeyWhenBobUnlinksHisLaptop(ParleyApp alice, ParleyApp bob, ParleyApp bobLaptop, ParleyApp erin,
                                                   GroupId id) throws Exception {
        List<ParleyApp> senders = List.of(alice, erin);
        List<String> names = List.of("alice", "erin");
        List<SenderKeyRecord> laptopHeld = new java.util.ArrayList<>();
        for (String name : names) {
            laptopHeld.add(senderKey(bobLaptop, id, name));
            assertThat(laptopHeld.get(laptopHeld.size() - 1).isEmpty()).as("the laptop reads %s", name).isFalse();
        }
        bob.devices().unlink(bobLaptop.devices().ownDeviceId());
        assertThat(Await.until(() -> quietly(() -> senderKey(alice, id, "alice").isEmpty()
                && senderKey(erin, id, "erin").isEmpty()), WAIT)).as("both retired their sending keys").isTrue();
        String group = ConversationId.group(id).value();
        Message fromAlice = alice.groups().send(group, "alice, after bob unlinked his laptop");
        Message fromErin = erin.groups().send(group, "erin, after bob unlinked his laptop");
        for (ParleyApp device : List.of(alice, bob, erin)) {
            assertThat(Await.until(() -> bodies(device, id).containsAll(List.of(fromAlice.body(), fromErin.body())),
                    WAIT)).isTrue();
        }
        GroupCipher cipher = new GroupCipher(TestNetwork.CRYPTO, TestNetwork.CRYPTO.random());
        for (int i = 0; i < senders.size(); i++) {
            SenderKeyState now = senderKey(senders.get(i), id, names.get(i)).current().orElseThrow();
            SenderKeyRecord held = laptopHeld.get(i);
            assertThat(held.byKeyId(now.keyId())).isEmpty();
            var probe = cipher.encrypt(now, new Payload.Text(dev.parley.crypto.payload.MessageId.random(
                    TestNetwork.CRYPTO.random()), 1, "probe")).message();
            assertThatThrownBy(() -> cipher.decrypt(held, probe))
                    .isInstanceOf(dev.parley.crypto.exceptions.NoSessionException.class);
        }
    }

    /**
     * This session's item 3, with the order forced: the laptop lacks bob's key (as a device just linked does until the
     * link-time SENDER_KEY_SYNC arrives; here it is taken away), bob writes, and the message waits on the laptop,
     * unread but kept; the sync (as the desktop held it before bob wrote) then arrives and the message shows, once.
     */
    private static void aMessageBeforeItsKeyWaitsForIt(ParleyApp alice, ParleyApp aliceLaptop, ParleyApp bob,
                                                       GroupId id) throws Exception {
        var aliceStorage = alice.storage();
        List<SenderKeySync> bobsKey = aliceStorage.transactions().transactionWithResult(true, txn ->
                dev.parley.desktop.service.group.GroupStateForNewDevice.payloads(txn, aliceStorage, "alice")).stream()
                .filter(p -> p instanceof SenderKeySync s && s.sender().equals("bob") && s.senderDevice() == 1
                        && s.distribution().groupId().equals(id))
                .map(SenderKeySync.class::cast).toList();
        assertThat(bobsKey).isNotEmpty();
        var laptopStorage = aliceLaptop.storage();
        laptopStorage.transactions().transaction(false, txn -> laptopStorage.secrets().delete(txn, SENDER_KEYS,
                id.hex() + "/bob"));
        Message early = bob.groups().send(ConversationId.group(id).value(), "bob, before the laptop has his key");
        assertThat(Await.until(() -> quietly(() -> !laptopStorage.transactions().transactionWithResult(true,
                txn -> laptopStorage.secrets().keys(txn, PENDING_MESSAGES)).isEmpty()), WAIT))
                .as("kept on the laptop until the key comes").isTrue();
        assertThat(bodies(aliceLaptop, id)).doesNotContain(early.body());
        for (SenderKeySync sync : bobsKey) {
            ForgedPayloads.toOwnDevices(alice.messaging(), sync);
        }
        assertThat(Await.until(() -> bodies(aliceLaptop, id).contains(early.body()), WAIT)).isTrue();
        assertThat(find(aliceLaptop, id, early.body()).sender()).isEqualTo("bob");
        List<String> stillWaiting = laptopStorage.transactions().transactionWithResult(true,
                txn -> laptopStorage.secrets().keys(txn, PENDING_MESSAGES));
        assertThat(stillWaiting).isEmpty();
        Message next = bob.groups().send(ConversationId.group(id).value(), "bob, once the laptop has his key");
        assertThat(Await.until(() -> bodies(aliceLaptop, id).contains(next.body()), WAIT)).isTrue();
        assertThat(bodies(aliceLaptop, id)).containsOnlyOnce(early.body());
    }

    private static final dev.parley.desktop.storage.SecretNamespace SENDER_KEYS =
            new dev.parley.desktop.storage.SecretNamespace("group-sender-key");
    private static final dev.parley.desktop.storage.SecretNamespace PENDING_MESSAGES =
            new dev.parley.desktop.storage.SecretNamespace("group-pending-message");

    private static SenderKeyRecord senderKey(ParleyApp app, GroupId id, String sender) throws Exception {
        var storage = app.storage();
        var stored = storage.transactions().transactionWithResult(true, txn -> storage.secrets().get(txn,
                SENDER_KEYS, id.hex() + "/" + sender));
        return stored.isEmpty() ? SenderKeyRecord.empty() : SenderKeyRecord.deserialize(stored.get());
    }

    /** bob forges a group sync, a sender key sync and a group transcript for alice: none changes anything. */
    private static void aContactCannotForgeOwnDeviceGroupPayloads(ParleyApp alice, ParleyApp aliceLaptop, ParleyApp bob,
                                                                   ParleyApp erin, GroupId id) throws Exception {
        var held = alice.groups().find(ConversationId.group(id).value()).state();
        var forgedState = held.with(held.revision() + 5, "Forged title", null, null, null, List.of(
                new GroupMember("bob", GroupRole.ADMIN), new GroupMember("alice", GroupRole.MEMBER)));
        var aliceOnBob = bob.contacts().get("alice");
        ForgedPayloads.send(bob.messaging(), aliceOnBob, new GroupSync(forgedState, new byte[32], true));
        GroupCipher cipher = new GroupCipher(TestNetwork.CRYPTO, TestNetwork.CRYPTO.random());
        ForgedPayloads.send(bob.messaging(), aliceOnBob, new SenderKeySync("erin", 1, cipher.create(id).distribution()));
        dev.parley.crypto.payload.MessageId forged = dev.parley.crypto.payload.MessageId.random(
                TestNetwork.CRYPTO.random());
        ForgedPayloads.send(bob.messaging(), aliceOnBob, new GroupTranscript(id,
                new Payload.Text(forged, System.currentTimeMillis(), "a forged group transcript")));
        Message marker = bob.messaging().send("alice", "after the forged group payloads");
        for (ParleyApp device : List.of(alice, aliceLaptop)) {
            assertThat(Await.until(() -> quietly(() -> device.messaging().message(marker.messageId()).isPresent()),
                    WAIT)).isTrue();
            assertThat(device.groups().find(ConversationId.group(id).value()).state().title()).isEqualTo("Bouldering");
            assertThat(bodies(device, id)).doesNotContain("a forged group transcript");
            assertThat(device.messaging().message(new dev.parley.desktop.storage.MessageId(forged.hex()))).isEmpty();
        }
        Message erinAgain = erin.groups().send(ConversationId.group(id).value(), "erin, after the forged sender key");
        for (ParleyApp device : List.of(alice, aliceLaptop)) {
            assertThat(Await.until(() -> bodies(device, id).contains(erinAgain.body()), WAIT))
                    .as("erin's own key still reads").isTrue();
        }
    }

    private static boolean holds(ParleyApp app, GroupId id) {
        return quietly(() -> app.groups().list().stream().anyMatch(g -> g.state().id().equals(id) && g.active()));
    }

    static List<String> bodies(ParleyApp app, GroupId id) {
        try {
            return app.messaging().history(ConversationId.group(id).value(), Optional.empty(), 50).messages().stream()
                    .map(Message::body).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Message find(ParleyApp app, GroupId id, String body) throws Exception {
        return app.messaging().history(ConversationId.group(id).value(), Optional.empty(), 50).messages().stream()
                .filter(m -> m.body().equals(body)).findFirst().orElseThrow();
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    private static boolean quietly(Check check) {
        try {
            return check.holds();
        } catch (Exception e) {
            return false;
        }
    }
}
