package dev.parley.desktop.service.group;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.group.GroupAction;
import dev.parley.crypto.group.GroupChange;
import dev.parley.crypto.group.GroupId;
import dev.parley.crypto.group.GroupMember;
import dev.parley.crypto.group.GroupRole;
import dev.parley.crypto.group.GroupState;
import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StoredGroup;
import dev.parley.desktop.storage.memory.InMemoryStorage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The concurrent-change rule as members store it (docs/protocol.md 1.15.2): two admins rename the group at the same
 * revision; members who receive the two changes in opposite orders end with the same state and the winner's line.
 */
class GroupReceiverTest {
    private static final CryptoProvider CRYPTO = CryptoProviders.preferred();
    private final IdentityKeyPair aliceKey = IdentityKeyPair.generate(CRYPTO, CRYPTO.random());
    private final IdentityKeyPair bobKey = IdentityKeyPair.generate(CRYPTO, CRYPTO.random());
    private final GroupId id = GroupId.random(CRYPTO.random());
    private final GroupState created = new GroupState(id, 1, "Climbing", "", 0, null, List.of(
            new GroupMember("alice", GroupRole.ADMIN), new GroupMember("bob", GroupRole.MEMBER),
            new GroupMember("carol", GroupRole.MEMBER)));
    private final GroupState promoted = created.with(2L, null, null, null, null, List.of(
            new GroupMember("alice", GroupRole.ADMIN), new GroupMember("bob", GroupRole.ADMIN),
            new GroupMember("carol", GroupRole.MEMBER)));
    private final GroupChange create = sign(aliceKey, "alice", GroupAction.CREATE, List.of("bob", "carol"), created);
    private final GroupChange promote = sign(aliceKey, "alice", GroupAction.PROMOTE, List.of("bob"), promoted);
    private final GroupChange aliceRenames = sign(aliceKey, "alice", GroupAction.RENAME, List.of(),
            promoted.with(3L, "Alice's title", null, null, null, null));
    private final GroupChange bobRenames = sign(bobKey, "bob", GroupAction.RENAME, List.of(),
            promoted.with(3L, "Bob's title", null, null, null, null));

    private static GroupChange sign(IdentityKeyPair key, String author, GroupAction action, List<String> subjects,
                                    GroupState state) {
        return GroupChange.sign(CRYPTO, key, author, action, subjects, state);
    }

    /** Carol's storage after receiving these changes in this order, each in its own batch. */
    private Storage carolReceives(GroupChange... changes) throws Exception {
        Storage storage = new InMemoryStorage();
        GroupReceiver receiver = new GroupReceiver(storage, CRYPTO, CRYPTO.random(), () -> "carol");
        storage.transactions().transaction(false, txn -> {
            storage.contacts().add(txn, Contact.of("alice", aliceKey.publicKey().bytes(), Instant.EPOCH));
            storage.contacts().add(txn, Contact.of("bob", bobKey.publicKey().bytes(), Instant.EPOCH));
        });
        for (GroupChange change : changes) {
            storage.transactions().transaction(false, txn -> receiver.change(txn, change.author(), change,
                    Instant.EPOCH));
        }
        return storage;
    }

    private StoredGroup group(Storage storage) throws Exception {
        return storage.transactions().transactionWithResult(true, txn -> storage.groups().find(txn, id)).orElseThrow();
    }

    private List<String> lines(Storage storage) throws Exception {
        List<String> lines = new ArrayList<>(storage.transactions().transactionWithResult(true, txn -> storage.messages()
                .page(txn, ConversationId.group(id), Optional.empty(), 50)).messages().stream()
                .map(Message::body).toList());
        java.util.Collections.reverse(lines);
        return lines;
    }

    @Test
    void membersReceivingConcurrentChangesInEitherOrderConvergeOnTheLowerHash() throws Exception {
        Storage first = carolReceives(create, promote, aliceRenames, bobRenames);
        Storage second = carolReceives(create, promote, bobRenames, aliceRenames);
        boolean aliceWins = java.util.Arrays.compareUnsigned(aliceRenames.hash(CRYPTO), bobRenames.hash(CRYPTO)) < 0;
        String title = aliceWins ? "Alice's title" : "Bob's title";

        assertThat(group(first).state()).isEqualTo(group(second).state());
        assertThat(group(first).state().title()).isEqualTo(title);
        assertThat(group(first).changeHash()).isEqualTo(group(second).changeHash());
        assertThat(group(first).previous()).isEqualTo(promoted);
        String winnerLine = aliceWins ? "alice renamed the group to \"Alice's title\""
                : "bob renamed the group to \"Bob's title\"";
        assertThat(lines(first)).contains(winnerLine);
        assertThat(lines(second)).contains(winnerLine);
    }

    @Test
    void aChangeFromANonAdminOrWithAForgedAuthorChangesNothing() throws Exception {
        GroupChange bobAlone = sign(bobKey, "bob", GroupAction.RENAME, List.of(), created.with(2L, "Bob's", null, null,
                null, null));
        GroupChange claimsAlice = sign(bobKey, "alice", GroupAction.RENAME, List.of(),
                created.with(2L, "Forged", null, null, null, null));
        Storage storage = carolReceives(create, bobAlone);
        GroupReceiver receiver = new GroupReceiver(storage, CRYPTO, CRYPTO.random(), () -> "carol");
        storage.transactions().transaction(false, txn -> receiver.change(txn, "bob", claimsAlice, Instant.EPOCH));
        storage.transactions().transaction(false, txn -> receiver.change(txn, "alice", claimsAlice, Instant.EPOCH));
        assertThat(group(storage).state()).isEqualTo(created);
        assertThat(lines(storage)).containsExactly("alice created the group \"Climbing\"");
    }

    /**
     * A run of group messages in one batch (GroupMessageRun) reads and writes the sender's key record once: the
     * messages open in order, one from a non-member is dropped without touching the others, and the record written
     * at the end has the chain where the run left it (a replay is then refused, the next message opens).
     */
    @Test
    void aRunOfGroupMessagesOpensInOrderAndLeavesTheChainWhereItStopped() throws Exception {
        Storage storage = carolReceives(create);
        GroupReceiver receiver = new GroupReceiver(storage, CRYPTO, CRYPTO.random(), () -> "carol");
        dev.parley.crypto.group.GroupCipher cipher = new dev.parley.crypto.group.GroupCipher(CRYPTO, CRYPTO.random());
        dev.parley.crypto.group.SenderKeyState key = cipher.create(id);
        storage.transactions().transaction(false, txn -> receiver.senderKey(txn, "alice", 1, key.distribution(), Instant.EPOCH));
        List<dev.parley.crypto.group.SenderKeyMessage> sent = new ArrayList<>();
        dev.parley.crypto.group.SenderKeyState chain = key;
        for (int i = 0; i < 4; i++) {
            dev.parley.crypto.group.GroupCipher.Encrypted e = cipher.encrypt(chain, text("message " + i));
            sent.add(e.message());
            chain = e.next();
        }

        List<String> opened = new ArrayList<>();
        storage.transactions().transaction(false, txn -> {
            GroupMessageRun run = receiver.run(txn, Instant.EPOCH);
            opened.add(body(run.open("alice", 1, sent.get(0))));
            opened.add(body(run.open("dave", 1, sent.get(1))));
            opened.add(body(run.open("alice", 1, sent.get(1))));
            opened.add(body(run.open("alice", 1, sent.get(2))));
            run.finish();
        });
        assertThat(opened).containsExactly("message 0", "(dropped)", "message 1", "message 2");

        List<String> later = new ArrayList<>();
        storage.transactions().transaction(false, txn -> {
            later.add(body(receiver.open(txn, "alice", 1, sent.get(2), Instant.EPOCH)));
            later.add(body(receiver.open(txn, "alice", 1, sent.get(3), Instant.EPOCH)));
        });
        assertThat(later).as("a replay after the run, then the next message").containsExactly("(dropped)", "message 3");
    }

    /**
     * Issue #17: each device of a member has its own sending chain, kept per (group, sender device): alice's two devices
     * write under two keys and carol reads both, each with its own chain (a message under one device's key does not
     * open as the other's); a key of device 2 that a profile from before kept under the bare name still opens; a
     * removal forgets the keys of every device of the member.
     */
    @Test
    void senderKeysAreKeptPerSenderDeviceAndARemovalForgetsThemAll() throws Exception {
        Storage storage = carolReceives(create);
        GroupReceiver receiver = new GroupReceiver(storage, CRYPTO, CRYPTO.random(), () -> "carol");
        dev.parley.crypto.group.GroupCipher cipher = new dev.parley.crypto.group.GroupCipher(CRYPTO, CRYPTO.random());
        dev.parley.crypto.group.SenderKeyState desktop = cipher.create(id);
        dev.parley.crypto.group.SenderKeyState laptop = cipher.create(id);
        dev.parley.crypto.group.SenderKeyState legacy = cipher.create(id);
        storage.transactions().transaction(false, txn -> {
            receiver.senderKey(txn, "alice", 1, desktop.distribution(), Instant.EPOCH);
            receiver.senderKey(txn, "alice", 2, laptop.distribution(), Instant.EPOCH);
            new GroupKeys(storage).save(txn, id, "alice", new GroupKeys(storage).record(txn, id, "alice")
                    .withNewest(dev.parley.crypto.group.SenderKeyState.fromDistribution(legacy.distribution())));
        });
        dev.parley.crypto.group.SenderKeyMessage fromDesktop = cipher.encrypt(desktop, text("from the desktop")).message();
        dev.parley.crypto.group.SenderKeyMessage fromLaptop = cipher.encrypt(laptop, text("from the laptop")).message();
        dev.parley.crypto.group.SenderKeyMessage fromOldLaptop = cipher.encrypt(legacy, text("kept before")).message();

        List<String> opened = new ArrayList<>();
        storage.transactions().transaction(false, txn -> {
            GroupMessageRun run = receiver.run(txn, Instant.EPOCH);
            opened.add(body(run.open("alice", 1, fromLaptop)));
            opened.add(body(run.open("alice", 2, fromLaptop)));
            opened.add(body(run.open("alice", 1, fromDesktop)));
            opened.add(body(run.open("alice", 2, fromOldLaptop)));
            run.finish();
        });
        assertThat(opened).containsExactly("(dropped)", "from the laptop", "from the desktop", "kept before");
        assertThat(senderKeys(storage)).containsExactlyInAnyOrder(id.hex() + "/alice", id.hex() + "/alice:2");

        GroupState withoutAlice = promoted.with(3L, null, null, null, null, List.of(
                new GroupMember("bob", GroupRole.ADMIN), new GroupMember("carol", GroupRole.MEMBER)));
        GroupChange removal = sign(bobKey, "bob", GroupAction.REMOVE, List.of("alice"), withoutAlice);
        storage.transactions().transaction(false, txn -> {
            receiver.change(txn, "alice", promote, Instant.EPOCH);
            receiver.change(txn, "bob", removal, Instant.EPOCH);
        });
        assertThat(group(storage).state()).isEqualTo(withoutAlice);
        assertThat(senderKeys(storage)).as("every device of a removed member").isEmpty();
    }

    private static List<String> senderKeys(Storage storage) throws Exception {
        return storage.transactions().transactionWithResult(true, txn -> storage.secrets().keys(txn,
                GroupKeys.NAMESPACE));
    }

    private static dev.parley.crypto.payload.Payload text(String body) {
        return new dev.parley.crypto.payload.Payload.Text(dev.parley.crypto.payload.MessageId.random(CRYPTO.random()),
                0, body);
    }

    private static String body(Optional<GroupReceiver.Opened> opened) {
        return opened.map(o -> ((dev.parley.crypto.payload.Payload.Text) o.payload()).text()).orElse("(dropped)");
    }
}
