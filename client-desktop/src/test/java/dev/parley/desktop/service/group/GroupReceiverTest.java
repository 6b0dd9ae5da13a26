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
}
