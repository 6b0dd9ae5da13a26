package dev.parley.desktop.profile;

import static dev.parley.desktop.profile.ProfileFixture.pass;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.backup.BackupSecretKind;
import dev.parley.desktop.storage.AccountInfo;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.Storage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup never carries what the user deleted. A deleted conversation is hidden at once and its rows removed page by
 * page afterwards (issue #12, by the sweeper, which this test does not run), and a deleted message's downloaded file
 * is removed after the commit: a backup taken in between held both, and a restore brought the file back. Real
 * encrypted profiles, a real backup file and a real restore.
 */
class BackupLeavesOutDeletedTest {
    private static final int MESSAGES = 1_500;
    private static final ProfileName BOB = new ProfileName("bob");
    private static final ProfileName RESTORED = new ProfileName("restored");
    private static final byte[] SECRET = "the backup passphrase".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void aConversationStillBeingErasedAndAnOrphanedFileStayOutOfTheBackup() throws Exception {
        ProfileManager manager = ProfileFixture.manager(dir);
        ProfileBackups backups = new ProfileBackups(manager, ProfileFixture.CRYPTO, ProfileFixture.FAST,
                Clock.systemUTC());
        Path backup = dir.resolve("bob.parley-backup");
        Path orphan;
        try (UnlockedProfile bob = manager.create(BOB, new AccountInfo("bob", "wss://relay.test:8443"),
                pass("correct horse"), EventPublisher.NONE)) {
            Storage storage = bob.storage();
            ConversationId alice = ConversationId.direct("alice");
            ConversationId carol = ConversationId.direct("carol");
            insert(storage, alice, "a", "what we said about the lighthouse");
            insert(storage, carol, "c", "kept");
            Path attachments = Files.createDirectories(bob.directory().resolve(ProfileBackups.ATTACHMENTS));
            orphan = Files.write(attachments.resolve("00112233445566778899aabbccddeeff.bin"), new byte[] {1, 2, 3});
            int hidden = storage.transactions().transactionWithResult(false,
                    txn -> storage.historyEraser().erase(txn, alice));
            assertThat(hidden).isEqualTo(MESSAGES);
            assertThat(pending(storage)).isTrue();

            ProfileBackups.Summary summary = backups.export(bob, backup, SECRET.clone(), BackupSecretKind.PASSPHRASE,
                    (phase, done, total) -> { });
            assertThat(summary.files()).as("no file whose message is gone").isZero();
            assertThat(pending(storage)).as("the backup finished the erase first").isFalse();
        }

        backups.restore(RESTORED, backup, SECRET.clone(), pass("new passphrase"), (phase, done, total) -> { });
        try (UnlockedProfile restored = manager.unlock(RESTORED, pass("new passphrase"), EventPublisher.NONE)) {
            Storage storage = restored.storage();
            assertThat(pending(storage)).as("no erase came back with the backup: its rows were not in it").isFalse();
            storage.transactions().transaction(true, txn -> {
                assertThat(storage.messages().page(txn, ConversationId.direct("alice"), Optional.empty(), 10)
                        .messages()).isEmpty();
                assertThat(storage.messages().search(txn, "lighthouse", Optional.empty(), 10)).isEmpty();
                assertThat(storage.messages().page(txn, ConversationId.direct("carol"), Optional.empty(), 10)
                        .messages()).hasSize(10);
            });
            assertThat(restored.directory().resolve(ProfileBackups.ATTACHMENTS).resolve(orphan.getFileName()))
                    .doesNotExist();
        }
    }

    private static void insert(Storage storage, ConversationId conversation, String prefix, String text)
            throws Exception {
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        storage.transactions().transaction(false, txn -> {
            List<NewMessage> batch = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                batch.add(NewMessage.incoming(new MessageId(prefix + i), conversation, "someone", at.plusSeconds(i),
                        at.plusSeconds(i), text + " " + i));
            }
            storage.messages().insertAllIfAbsent(txn, batch);
        });
    }

    private static boolean pending(Storage storage) throws Exception {
        return storage.transactions().transactionWithResult(true, txn -> storage.historyEraser().anyPending(txn));
    }
}
