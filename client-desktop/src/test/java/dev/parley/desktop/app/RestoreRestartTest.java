package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.event.MessageReceivedEvent;
import dev.parley.desktop.profile.BackupProgress;
import dev.parley.desktop.service.account.AccountKeys;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.Direction;
import dev.parley.desktop.storage.Message;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #17 with a real relay: after a restore nothing stale is used. On its first sign-in the restored profile
 * replaces every prekey the relay held ({@code prekeys_replace}) and tells each contact once (RESTORED, 28); the
 * contact sees one centred line, writes first on the new session without a decryption failure, and re-sends its group
 * sender key; someone who never wrote to alice starts a session from her new prekeys; each message arrives once.
 */
class RestoreRestartTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final char[] BACKUP_PASSPHRASE = "the backup passphrase".toCharArray();

    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    @Test
    void afterARestoreContactsWriteFirstAndNewContactsStartSessionsOnTheNewPreKeys() throws Exception {
        ParleyApp alice = network.register("alice");
        ParleyApp bob = network.register("bob");
        ParleyApp carol = network.register("carol");
        List<Message> bobInbox = new CopyOnWriteArrayList<>();
        bob.events().subscribe(MessageReceivedEvent.class, e -> bobInbox.add(e.message()));
        alice.contacts().add("bob");
        bob.contacts().add("alice");
        alice.connection().start();
        bob.connection().start();
        alice.messaging().send("bob", "before the restore");
        String trip = ConversationId.group(alice.groups().create("Trip", List.of("bob")).state().id()).value();
        assertThat(Await.until(() -> bodies(bob, trip).size() == 1, WAIT)).isTrue();
        bob.groups().send("Trip", "group before");
        assertThat(Await.until(() -> bodies(alice, trip).contains("group before"), WAIT)).isTrue();
        assertThat(Await.until(() -> bobInbox.stream().anyMatch(m -> m.body().equals("before the restore")), WAIT))
                .isTrue();

        Path backup = network.root.resolve("alice.parley-backup");
        alice.backups().export(backup, BACKUP_PASSPHRASE.clone(), BackupProgress.NONE);
        alice.close();
        ParleyApp restored = network.track(ParleyApp.open(network.config("alice", "data-restored")));
        restored.backups().restore(backup, BACKUP_PASSPHRASE.clone(), TestNetwork.PASSPHRASE.clone(),
                BackupProgress.NONE);
        List<Message> restoredInbox = new CopyOnWriteArrayList<>();
        restored.events().subscribe(MessageReceivedEvent.class, e -> restoredInbox.add(e.message()));
        restored.connection().start();

        assertThat(Await.until(() -> systemLines(bob).size() == 1, WAIT)).isTrue();
        assertThat(systemLines(bob)).singleElement().satisfies(line ->
                assertThat(line.body()).startsWith("alice restored Parley from a backup"));

        bob.messaging().send("alice", "bob writes first");
        bob.groups().send("Trip", "group after");
        assertThat(Await.until(() -> restoredInbox.stream().anyMatch(m -> m.body().equals("bob writes first")), WAIT))
                .isTrue();
        assertThat(Await.until(() -> bodies(restored, trip).contains("group after"), WAIT))
                .as("bob re-sent his sender key to the restored alice").isTrue();

        restored.messaging().send("bob", "alice answers");
        restored.groups().send("Trip", "alice in the group again");
        assertThat(Await.until(() -> bobInbox.stream().anyMatch(m -> m.body().equals("alice answers")), WAIT)).isTrue();
        assertThat(Await.until(() -> bodies(bob, trip).contains("alice in the group again"), WAIT)).isTrue();

        carol.connection().start();
        carol.contacts().add("alice");
        carol.messaging().send("alice", "carol never wrote to alice before");
        assertThat(Await.until(() -> restoredInbox.stream()
                .anyMatch(m -> m.body().equals("carol never wrote to alice before")), WAIT))
                .as("carol's session starts from a prekey whose private half the restored alice holds").isTrue();

        assertThat(restored.connection().awaitDrained(WAIT)).isTrue();
        assertThat(bob.connection().awaitDrained(WAIT)).isTrue();
        assertThat(restoredInbox).filteredOn(m -> m.direction() != Direction.SYSTEM).extracting(Message::body)
                .containsExactly("bob writes first", "group after", "carol never wrote to alice before");
        assertThat(bodies(bob, ConversationId.direct("alice").value()))
                .filteredOn(b -> b.equals("alice answers")).hasSize(1);
        assertThat(systemLines(bob)).as("one line per restore, not per message").hasSize(1);
        restored.crypto().lock().lock();
        try {
            assertThat(restored.crypto().state().begin().counter(AccountKeys.ANNOUNCE_AFTER_RESTORE)).isZero();
        } finally {
            restored.crypto().lock().unlock();
        }
    }

    private static List<Message> systemLines(ParleyApp app) {
        try {
            return app.messaging().history("alice", Optional.empty(), 50).messages().stream()
                    .filter(m -> m.direction() == Direction.SYSTEM).toList();
        } catch (dev.parley.desktop.service.ServiceException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> bodies(ParleyApp app, String conversation) {
        try {
            List<String> bodies = new ArrayList<>(app.messaging().history(conversation, Optional.empty(), 50).messages()
                    .stream().map(Message::body).toList());
            Collections.reverse(bodies);
            return bodies;
        } catch (dev.parley.desktop.service.ServiceException e) {
            throw new IllegalStateException(e);
        }
    }
}
