package dev.parley.desktop.profile;

import static dev.parley.desktop.profile.ProfileFixture.pass;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.desktop.storage.AccountInfo;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.Transaction;
import dev.parley.desktop.storage.h2.H2Storage;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileManagerTest {
    static final ProfileName ALICE = new ProfileName("alice");
    static final AccountInfo ACCOUNT = new AccountInfo("alice", "wss://relay.test:8443");

    @TempDir
    Path dataDir;
    ProfileManager manager;

    @BeforeEach
    void setUp() {
        manager = ProfileFixture.manager(dataDir);
    }

    private Path profileDir() {
        return dataDir.resolve("alice");
    }

    private void createAlice(String passphrase) throws Exception {
        try (UnlockedProfile p = manager.create(ALICE, ACCOUNT, pass(passphrase), EventPublisher.NONE)) {
            storeMessage(p.storage(), "m1", "first message");
        }
    }

    private static void storeMessage(Storage s, String id, String body) throws Exception {
        s.transactions().transaction(false, txn -> s.messages().insertIfAbsent(txn, NewMessage.outgoing(
                new MessageId(id), new ConversationId("bob"), "alice", Instant.parse("2026-01-01T00:00:00Z"), body)));
    }

    private static Optional<String> body(Storage s, String id) throws Exception {
        return s.transactions().transactionWithResult(true,
                (Transaction txn) -> s.messages().find(txn, new MessageId(id)).map(m -> m.body()));
    }

    /** Every file under the profile directory with its bytes, to compare before and after. */
    private Map<String, byte[]> snapshot() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(profileDir())) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(profileDir().relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    /**
     * Issue #17: the profile of a join (as a new device) that never finished, because it failed or the process was
     * killed before the other device registered it, is no profile: not listed, not unlocked, discarded whole, and
     * replaced by the next creation under its name. A finished one is an ordinary profile.
     */
    @Test
    void aPendingJoinsProfileIsNoProfileUntilCompletedAndIsRemovedWhenDiscardedOrReplaced() throws Exception {
        UnlockedProfile killed = manager.createPending(ALICE, ACCOUNT, pass("correct horse"), EventPublisher.NONE);
        storeMessage(killed.storage(), "m1", "half made");
        killed.lock();                                          // as if the process died here
        ProfileManager afterRestart = ProfileFixture.manager(dataDir);
        assertThat(afterRestart.list()).isEmpty();
        assertThat(afterRestart.exists(ALICE)).isFalse();
        assertThatThrownBy(() -> afterRestart.unlock(ALICE, pass("correct horse"), EventPublisher.NONE))
                .isInstanceOf(ProfileNotFoundException.class);
        try (UnlockedProfile fresh = afterRestart.create(ALICE, ACCOUNT, pass("another one"), EventPublisher.NONE)) {
            assertThat(body(fresh.storage(), "m1")).as("nothing of the abandoned join is kept").isEmpty();
        }
        assertThat(afterRestart.list()).containsExactly(ALICE);
        FileSync.deleteTree(profileDir());

        UnlockedProfile failed = afterRestart.createPending(ALICE, ACCOUNT, pass("correct horse"), EventPublisher.NONE);
        assertThatThrownBy(() -> afterRestart.discardPending(ALICE)).as("not while it is open")
                .isInstanceOf(ProfileInUseException.class);
        failed.lock();
        afterRestart.discardPending(ALICE);
        assertThat(profileDir()).doesNotExist();

        try (UnlockedProfile joined = afterRestart.createPending(ALICE, ACCOUNT, pass("correct horse"),
                EventPublisher.NONE)) {
            afterRestart.completePending(joined);
        }
        afterRestart.discardPending(ALICE);
        assertThat(afterRestart.list()).as("a finished join is kept").containsExactly(ALICE);
        afterRestart.unlock(ALICE, pass("correct horse"), EventPublisher.NONE).close();
    }

    @Test
    void createThenUnlockKeepsDataAndAccount() throws Exception {
        createAlice("correct horse");
        assertThat(manager.list()).containsExactly(ALICE);
        assertThat(manager.exists(ALICE)).isTrue();
        try (UnlockedProfile p = manager.unlock(ALICE, pass("correct horse"), EventPublisher.NONE)) {
            assertThat(body(p.storage(), "m1")).contains("first message");
            assertThat(p.storage().transactions().transactionWithResult(true,
                    (Transaction txn) -> p.storage().account().get(txn))).contains(ACCOUNT);
        }
        assertThat(snapshot().keySet()).containsExactlyInAnyOrder("profile.json", "data-1.mv.db");
    }

    @Test
    void lockClosesTheStorage() throws Exception {
        createAlice("pw");
        UnlockedProfile p = manager.unlock(ALICE, pass("pw"), EventPublisher.NONE);
        Storage s = p.storage();
        p.lock();
        assertThat(p.isLocked()).isTrue();
        assertThatThrownBy(p::storage).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> body(s, "m1")).isInstanceOf(IllegalStateException.class);
        manager.unlock(ALICE, pass("pw"), EventPublisher.NONE).lock();
    }

    @Test
    void secondUnlockIsRefusedWhileUnlocked() throws Exception {
        createAlice("pw");
        try (UnlockedProfile p = manager.unlock(ALICE, pass("pw"), EventPublisher.NONE)) {
            assertThatThrownBy(() -> manager.unlock(ALICE, pass("pw"), EventPublisher.NONE))
                    .isInstanceOf(ProfileInUseException.class);
            assertThat(p.isLocked()).isFalse();
        }
    }

    @Test
    void createTwiceIsRefused() throws Exception {
        createAlice("pw");
        assertThatThrownBy(() -> manager.create(ALICE, ACCOUNT, pass("other"), EventPublisher.NONE))
                .isInstanceOf(ProfileExistsException.class);
    }

    @Test
    void profilesLiveSideBySide() throws Exception {
        createAlice("pw");
        ProfileName work = new ProfileName("work");
        try (UnlockedProfile p = manager.create(work, new AccountInfo("alice-w", "wss://w.test"), pass("pw2"),
                EventPublisher.NONE)) {
            assertThat(body(p.storage(), "m1")).isEmpty();
        }
        assertThat(manager.list()).containsExactly(ALICE, work);
    }

    @Test
    void wrongPassphraseIsReportedAndNothingIsModified() throws Exception {
        createAlice("right");
        Map<String, byte[]> before = snapshot();
        assertThatThrownBy(() -> manager.unlock(ALICE, pass("wrong"), EventPublisher.NONE))
                .isInstanceOf(WrongPassphraseException.class).hasMessage("wrong passphrase");
        assertThat(snapshot()).containsExactlyInAnyOrderEntriesOf(before);
        assertThat(before.keySet()).noneMatch(f -> f.endsWith(".trace.db"));
    }

    @Test
    void unknownProfileIsReported() {
        assertThatThrownBy(() -> manager.unlock(new ProfileName("nobody"), pass("x"), EventPublisher.NONE))
                .isInstanceOf(ProfileNotFoundException.class);
    }

    @Test
    void emptyPassphraseIsRejected() {
        assertThatThrownBy(() -> manager.create(ALICE, ACCOUNT, new char[0], EventPublisher.NONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.exists(profileDir())).isFalse();
    }

    @Test
    void truncatedDatabaseIsCorruptAndLeftUntouched() throws Exception {
        createAlice("pw");
        try (FileChannel ch = FileChannel.open(profileDir().resolve("data-1.mv.db"), StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() / 2);
        }
        Map<String, byte[]> before = snapshot();
        assertThatThrownBy(() -> manager.unlock(ALICE, pass("pw"), EventPublisher.NONE))
                .isInstanceOf(CorruptDatabaseException.class);
        assertThat(snapshot()).containsExactlyInAnyOrderEntriesOf(before);
    }

    @Test
    void overwrittenDatabaseIsCorruptAndLeftUntouched() throws Exception {
        createAlice("pw");
        Path db = profileDir().resolve("data-1.mv.db");
        byte[] bytes = Files.readAllBytes(db);
        for (int i = 0; i < bytes.length; i += 7) {
            bytes[i] ^= 0x33;
        }
        Files.write(db, bytes);
        Map<String, byte[]> before = snapshot();
        assertThatThrownBy(() -> manager.unlock(ALICE, pass("pw"), EventPublisher.NONE))
                .isInstanceOf(CorruptDatabaseException.class);
        assertThat(snapshot()).containsExactlyInAnyOrderEntriesOf(before);
    }

    @Test
    void missingDatabaseIsCorrupt() throws Exception {
        createAlice("pw");
        Files.delete(profileDir().resolve("data-1.mv.db"));
        assertThatThrownBy(() -> manager.unlock(ALICE, pass("pw"), EventPublisher.NONE))
                .isInstanceOf(CorruptDatabaseException.class);
    }

    @Test
    void damagedHeadersAreCorruptAndLeftUntouched() throws Exception {
        createAlice("pw");
        Path header = profileDir().resolve("profile.json");
        String good = Files.readString(header);
        List<String> bad = List.of("", "not json", "{}", "[]", good + "{}",
                good.replace("\"format\" : 1", "\"format\" : 2"),
                good.replace("argon2id", "scrypt"),
                good.replace("\"database\" : \"data-1\"", "\"database\" : \"data-1;INIT=RUNSCRIPT FROM 'x'\""),
                good.replace("\"database\" : \"data-1\"", "\"database\" : \"../../etc/data-1\""),
                good.replaceFirst("\"memoryKiB\" : \\d+", "\"memoryKiB\" : 2000000000"),
                good.replaceFirst("\"salt\" : \"[^\"]+\"", "\"salt\" : \"AAAA\""),
                good.replaceFirst("\\{", "{ \"extra\" : 1,"),
                " ".repeat(20_000));
        for (String content : bad) {
            Files.writeString(header, content);
            Map<String, byte[]> before = snapshot();
            assertThatThrownBy(() -> manager.unlock(ALICE, pass("pw"), EventPublisher.NONE)).as(content)
                    .isInstanceOf(CorruptDatabaseException.class);
            assertThat(snapshot()).containsExactlyInAnyOrderEntriesOf(before);
        }
        Files.writeString(header, good);
        manager.unlock(ALICE, pass("pw"), EventPublisher.NONE).lock();
    }

    @Test
    void headerRevealsNeitherUsernameNorKey() throws Exception {
        createAlice("pw");
        String header = Files.readString(profileDir().resolve("profile.json"));
        assertThat(header).doesNotContain("alice").doesNotContain("relay").contains("\"kdf\" : \"argon2id\"")
                .contains("\"format\" : 1");
    }

    @Test
    void changePassphraseReKeysAndKeepsData() throws Exception {
        createAlice("old pass");
        UnlockedProfile p = manager.unlock(ALICE, pass("old pass"), EventPublisher.NONE);
        UnlockedProfile changed = manager.changePassphrase(p, pass("old pass"), pass("new pass"), EventPublisher.NONE);
        assertThat(p.isLocked()).isTrue();
        storeMessage(changed.storage(), "m2", "after the change");
        changed.lock();
        assertThat(snapshot().keySet()).containsExactlyInAnyOrder("profile.json", "data-2.mv.db");
        assertThatThrownBy(() -> manager.unlock(ALICE, pass("old pass"), EventPublisher.NONE))
                .isInstanceOf(WrongPassphraseException.class);
        try (UnlockedProfile again = manager.unlock(ALICE, pass("new pass"), EventPublisher.NONE)) {
            assertThat(body(again.storage(), "m1")).contains("first message");
            assertThat(body(again.storage(), "m2")).contains("after the change");
        }
    }

    @Test
    void changePassphraseWithWrongOldPassphraseChangesNothing() throws Exception {
        createAlice("old");
        try (UnlockedProfile p = manager.unlock(ALICE, pass("old"), EventPublisher.NONE)) {
            Map<String, byte[]> before = snapshot();
            assertThatThrownBy(() -> manager.changePassphrase(p, pass("guess"), pass("new"), EventPublisher.NONE))
                    .isInstanceOf(WrongPassphraseException.class);
            assertThat(p.isLocked()).isFalse();
            assertThat(snapshot().keySet()).isEqualTo(before.keySet());
            assertThat(snapshot().get("profile.json")).isEqualTo(before.get("profile.json"));
        }
    }

    @Test
    void crashBeforeHeaderCommitStillOpensWithOldPassphraseAndCleansUp() throws Exception {
        createAlice("old");
        // State after a crash midway: new database copy and staging directory written, header temp file written,
        // header not yet replaced.
        Path dir = profileDir();
        byte[] header = Files.readAllBytes(dir.resolve("profile.json"));
        ProfileHeader h = ProfileHeaderCodec.decode(header);
        try (ProfileKeys oldKeys = ProfileKeys.derive(ProfileFixture.CRYPTO, pass("old"), h.salt(), h.argon2());
             ProfileKeys newKeys = ProfileKeys.derive(ProfileFixture.CRYPTO, pass("new"), new byte[16], h.argon2())) {
            H2Storage.copyWithNewKey(dir.resolve("data-1"), oldKeys.databaseKey(), dir.resolve("data-2"),
                    newKeys.databaseKey());
        }
        Files.createDirectories(dir.resolve("data-2.rekey"));
        Files.write(dir.resolve("data-2.rekey").resolve("data-2.mv.db"), new byte[100]);
        Files.writeString(dir.resolve("profile.json.tmp"), "{\"half\": ");
        assertThatThrownBy(() -> manager.unlock(ALICE, pass("new"), EventPublisher.NONE))
                .isInstanceOf(WrongPassphraseException.class);
        try (UnlockedProfile p = manager.unlock(ALICE, pass("old"), EventPublisher.NONE)) {
            assertThat(body(p.storage(), "m1")).contains("first message");
        }
        assertThat(snapshot().keySet()).containsExactlyInAnyOrder("profile.json", "data-1.mv.db");
    }

    @Test
    void crashAfterHeaderCommitOpensWithNewPassphraseAndCleansUp() throws Exception {
        createAlice("old");
        byte[] oldDatabase = Files.readAllBytes(profileDir().resolve("data-1.mv.db"));
        UnlockedProfile p = manager.unlock(ALICE, pass("old"), EventPublisher.NONE);
        manager.changePassphrase(p, pass("old"), pass("new"), EventPublisher.NONE).lock();
        // State after a crash between the header commit and the removal of the old database.
        Files.write(profileDir().resolve("data-1.mv.db"), oldDatabase);
        assertThatThrownBy(() -> manager.unlock(ALICE, pass("old"), EventPublisher.NONE))
                .isInstanceOf(WrongPassphraseException.class);
        try (UnlockedProfile again = manager.unlock(ALICE, pass("new"), EventPublisher.NONE)) {
            assertThat(body(again.storage(), "m1")).contains("first message");
        }
        assertThat(snapshot().keySet()).containsExactlyInAnyOrder("profile.json", "data-2.mv.db");
    }

    @Test
    void plaintextNeverLeavesTheEncryptedDatabase() throws Exception {
        String marker = "PLAINTEXT-MARKER-7f3a9c";
        try (UnlockedProfile p = manager.create(ALICE, new AccountInfo("user-" + marker, "wss://relay.test"),
                pass("pw"), EventPublisher.NONE)) {
            for (int i = 0; i < 200; i++) {
                storeMessage(p.storage(), "m" + i, "message " + i + " " + marker + " with some more words");
            }
            p.storage().transactions().transaction(false, txn -> p.storage().contacts().add(txn,
                    dev.parley.desktop.storage.Contact.of("contact-" + marker, new byte[32], Instant.EPOCH)));
            assertThat(body(p.storage(), "m1")).hasValueSatisfying(b -> assertThat(b).contains(marker));
            assertNoPlaintext(marker);
        }
        assertNoPlaintext(marker);
        UnlockedProfile p = manager.unlock(ALICE, pass("pw"), EventPublisher.NONE);
        manager.changePassphrase(p, pass("pw"), pass("pw2"), EventPublisher.NONE).lock();
        assertNoPlaintext(marker);
    }

    private void assertNoPlaintext(String marker) throws IOException {
        byte[][] needles = {marker.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                marker.getBytes(java.nio.charset.StandardCharsets.UTF_16BE),
                marker.getBytes(java.nio.charset.StandardCharsets.UTF_16LE),
                marker.toLowerCase(java.util.Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.UTF_8)};
        try (Stream<Path> walk = Files.walk(dataDir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(file);
                for (byte[] needle : needles) {
                    assertThat(indexOf(content, needle)).as(file.toString()).isEqualTo(-1);
                }
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
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
