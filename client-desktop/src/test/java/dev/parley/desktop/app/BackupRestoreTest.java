package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.identity.Username;
import dev.parley.desktop.event.MessageReceivedEvent;
import dev.parley.desktop.profile.BackupProgress;
import dev.parley.desktop.service.BackupService;
import dev.parley.desktop.service.AttachmentService.TransferProgress;
import dev.parley.desktop.storage.Direction;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.NewMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #17 end to end with a real relay: alice backs up, loses her computer, restores on a fresh data directory,
 * finds the same history (messages, edits, replies, reactions, a downloaded file) and goes on writing with bob; her
 * sessions restarted (none restored, so no ratchet position is reused) and bob sees a line saying she restored.
 */
class BackupRestoreTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final char[] BACKUP_PASSPHRASE = "a separate backup passphrase".toCharArray();

    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    @Test
    void restoredProfileHasTheSameHistoryAndTalksWithBobOnNewSessions() throws Exception {
        ParleyApp alice = network.register("alice");
        ParleyApp bob = network.register("bob");
        List<Message> aliceInbox = new CopyOnWriteArrayList<>();
        List<Message> bobInbox = new CopyOnWriteArrayList<>();
        alice.events().subscribe(MessageReceivedEvent.class, e -> aliceInbox.add(e.message()));
        bob.events().subscribe(MessageReceivedEvent.class, e -> bobInbox.add(e.message()));
        alice.contacts().add("bob");
        bob.contacts().add("alice");
        alice.connection().start();
        bob.connection().start();

        Message hello = alice.messaging().send("bob", "hello bob");
        assertThat(Await.until(() -> bobInbox.size() == 1, WAIT)).isTrue();
        bob.messaging().send("alice", "hi alice");
        byte[] content = new byte[100_000];
        new Random(17).nextBytes(content);
        Message file = bob.attachments().sendFile("alice", Files.write(network.root.resolve("photo.bin"), content),
                "a file", TransferProgress.NONE);
        assertThat(Await.until(() -> historySize(alice) == 3, WAIT)).as("inbox %s", aliceInbox).isTrue();
        assertThat(Await.until(() -> aliceInbox.size() == 2, WAIT)).as("inbox %s", aliceInbox).isTrue();
        Path saved = alice.attachments().save(file.messageId(), Files.createDirectories(network.root.resolve("dl")),
                TransferProgress.NONE);
        assertThat(Files.readAllBytes(saved)).isEqualTo(content);
        alice.messaging().react(aliceInbox.get(0).messageId(), "👍", false);
        alice.actions().edit(hello.messageId(), "hello bob, edited");
        alice.actions().reply(aliceInbox.get(0).messageId(), "a reply");
        assertThat(Await.until(() -> bobInbox.size() == 2, WAIT)).isTrue();
        assertThat(Await.until(() -> history(alice).stream()
                .noneMatch(m -> m.state() == dev.parley.desktop.storage.MessageState.SENDING
                        || m.state() == dev.parley.desktop.storage.MessageState.SENT), WAIT))
                .as("the backup is taken once alice's messages are delivered").isTrue();
        List<Message> before = alice.messaging().history("bob", Optional.empty(), 50).messages();
        assertThat(before).hasSize(4);

        Path backup = network.root.resolve("alice.parley-backup");
        List<BackupProgress.Phase> phases = new CopyOnWriteArrayList<>();
        BackupService.Exported exported = alice.backups().export(backup, BACKUP_PASSPHRASE.clone(),
                (phase, done, total) -> phases.add(phase));
        assertThat(exported.recoveryCode()).isNull();
        assertThat(exported.files()).isEqualTo(1);
        assertThat(phases).contains(BackupProgress.Phase.DATABASE, BackupProgress.Phase.FILES);
        alice.close(); // the laptop is lost

        ParleyApp restored = network.track(ParleyApp.open(network.config("alice", "data-new-computer")));
        restored.backups().restore(backup, BACKUP_PASSPHRASE.clone(), TestNetwork.PASSPHRASE.clone(),
                BackupProgress.NONE);
        assertThat(restored.account().status().username()).isEqualTo("alice");
        assertThat(restored.messaging().history("bob", Optional.empty(), 50).messages()).isEqualTo(before);
        assertThat(restored.messaging().reactions(aliceInbox.get(0).messageId())).hasSize(1);
        assertThat(restored.actions().editHistory(hello.messageId())).hasSize(2);
        assertThat(restored.crypto().state().begin().containsSession(new Username("bob")))
                .as("ratchet sessions are never restored").isFalse();
        Path again = restored.attachments().save(file.messageId(), network.root.resolve("again.bin"),
                TransferProgress.NONE);
        assertThat(Files.readAllBytes(again)).as("the downloaded file came along, still encrypted").isEqualTo(content);

        List<Message> restoredInbox = new CopyOnWriteArrayList<>();
        restored.events().subscribe(MessageReceivedEvent.class, e -> restoredInbox.add(e.message()));
        restored.connection().start();
        restored.messaging().send("bob", "back from a backup");
        assertThat(Await.until(() -> bobInbox.stream().anyMatch(m -> m.body().equals("back from a backup")), WAIT))
                .isTrue();
        List<Message> bobSees = bob.messaging().history("alice", Optional.empty(), 50).messages();
        assertThat(bobSees.get(0).body()).isEqualTo("back from a backup");
        assertThat(bobSees.get(1).direction()).isEqualTo(Direction.SYSTEM);
        assertThat(bobSees.get(1).sender()).isEqualTo(NewMessage.SYSTEM_SENDER);
        assertThat(bobSees.get(1).body()).as("the restore is announced before the first message")
                .startsWith("alice restored Parley from a backup");
        bob.messaging().send("alice", "welcome back");
        bob.messaging().send("alice", "twice");
        assertThat(Await.until(() -> restoredInbox.size() == 2, WAIT)).isTrue();
        assertThat(restoredInbox).extracting(Message::body).containsExactly("welcome back", "twice");
        restored.messaging().send("bob", "and again");
        assertThat(Await.until(() -> bobInbox.stream().anyMatch(m -> m.body().equals("and again")), WAIT)).isTrue();
        List<Message> bobLater = bob.messaging().history("alice", Optional.empty(), 50).messages();
        assertThat(bobLater.stream().filter(m -> m.direction() == Direction.SYSTEM).count())
                .as("one line per restart, not per message").isEqualTo(1);
    }

    private static List<Message> history(ParleyApp app) {
        try {
            return app.messaging().history("bob", Optional.empty(), 50).messages();
        } catch (dev.parley.desktop.service.ServiceException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int historySize(ParleyApp app) {
        try {
            return app.messaging().history("bob", Optional.empty(), 50).messages().size();
        } catch (dev.parley.desktop.service.ServiceException e) {
            throw new IllegalStateException(e);
        }
    }
}
