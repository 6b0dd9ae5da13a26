package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.parley.desktop.service.ProfileService.Update;
import dev.parley.desktop.storage.UserProfile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Issue #14, "Done when": two profiles with display names, about lines and avatars become contacts and exchange
 * profiles through a real relay (H2 file), one of them offline so that the relay stores the profile; then the relay's
 * data directory (every file, raw), its database read back through H2 (so whatever H2 compresses or keeps as a LOB is
 * read decompressed) and everything it logged at TRACE are scanned. None may hold a display name, an about line, a run
 * of avatar bytes, or the contact relation (one row or log line naming both accounts).
 */
class RelayHoldsNoPeopleDataTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String ALICE_NAME = "Alice Vandermolen-Quist";
    private static final String BOB_NAME = "Bob Okonkwo-Haraldsen";
    private static final String ALICE_ABOUT = "collects lighthouse postcards 7f3kq";
    private static final String BOB_ABOUT = "rebuilds old harmoniums 9x2wz";

    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    @Test
    void theRelaysFilesDatabaseAndTraceLogsHoldNoProfileContentAndNoContactRelation() throws Exception {
        Logger relayLog = (Logger) LoggerFactory.getLogger("dev.parley.relay");
        Level before = relayLog.getLevel();
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        relayLog.addAppender(logged);
        relayLog.setLevel(Level.TRACE);
        UserProfile aliceProfile;
        UserProfile bobProfile;
        try {
            // the relay's whole life (start, traffic, stop) is logged at TRACE
            network.relay.close();
            network.startRelay();
            ParleyApp alice = network.register("alice");
            ParleyApp bob = network.register("bob");
            aliceProfile = alice.profiles().update(new Update(Optional.of(ALICE_NAME), Optional.of(ALICE_ABOUT),
                    Optional.of(ProfilesTest.png(180, 180)), false));
            bobProfile = bob.profiles().update(new Update(Optional.of(BOB_NAME), Optional.of(BOB_ABOUT),
                    Optional.of(ProfilesTest.png(150, 150)), false));
            alice.contacts().add("bob");
            alice.connection().start();
            alice.messaging().send("bob", "hi");
            assertThat(alice.connection().awaitDrained(WAIT)).as("bob is offline: the relay stores the text").isTrue();
            bob.connection().start();
            assertThat(Await.until(() -> requests(bob) == 1, WAIT)).isTrue();
            bob.contacts().accept("alice");
            bob.messaging().send("alice", "hello");
            assertThat(Await.until(() -> shown(bob, "alice").equals(ALICE_NAME) && shown(alice, "bob").equals(BOB_NAME),
                    WAIT)).as("the profiles went both ways").isTrue();
            assertThat(bob.connection().awaitDrained(WAIT) && alice.connection().awaitDrained(WAIT)).isTrue();
            network.close();
        } finally {
            relayLog.detachAppender(logged);
            relayLog.setLevel(before);
        }

        List<byte[]> secrets = List.of(utf8(ALICE_NAME), utf8(BOB_NAME), utf8(ALICE_ABOUT), utf8(BOB_ABOUT),
                Arrays.copyOfRange(aliceProfile.avatar(), 64, 96), Arrays.copyOfRange(bobProfile.avatar(), 64, 96));
        Path dataDir = network.root.resolve("relay");
        assertThat(storedFindings(dataDir, secrets)).as("what the relay's data directory holds").isEmpty();

        // the scan can fail: a copy of the data directory with one display name planted in a table is caught
        Path planted = network.root.resolve("relay-planted");
        copyTree(dataDir, planted);
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + planted.resolve("relay"), "relay", "");
             Statement insert = db.createStatement()) {
            insert.executeUpdate("INSERT INTO invites (code, created_at) VALUES ('" + ALICE_NAME + "', 0)");
        }
        assertThat(storedFindings(planted, secrets)).as("a planted display name is found").isNotEmpty();

        assertThat(logged.list).as("the relay logged at TRACE").isNotEmpty();
        for (ILoggingEvent event : logged.list) {
            String line = event.getFormattedMessage() + event.getMDCPropertyMap()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            for (String text : List.of(ALICE_NAME, BOB_NAME, ALICE_ABOUT, BOB_ABOUT)) {
                assertThat(line).as("a relay log line names a profile").doesNotContain(text);
            }
            for (byte[] avatar : secrets.subList(4, 6)) {
                assertThat(line).doesNotContain(HexFormat.of().formatHex(avatar));
            }
            assertThat(line.contains("alice") && line.contains("bob")).as("a relay log line links both: %s", line)
                    .isFalse();
        }
    }

    /** What the data directory's files (raw) and database rows hold of {@code secrets} or of the contact relation. */
    private static List<String> storedFindings(Path dataDir, List<byte[]> secrets) throws Exception {
        List<String> findings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(file);
                for (byte[] secret : secrets) {
                    if (indexOf(content, secret) >= 0) {
                        findings.add(file.getFileName() + " holds profile content");
                    }
                }
            }
        }
        List<String> rows = databaseRows(dataDir);
        List<String> accountKeys = rows.stream().filter(r -> r.startsWith("ACCOUNTS:"))
                .map(r -> r.substring("ACCOUNTS:".length(), r.indexOf('|'))).toList();
        if (accountKeys.size() != 2) {
            findings.add("expected both accounts in the database, found " + accountKeys.size());
            return findings;
        }
        for (String row : rows) {
            for (byte[] secret : secrets) {
                if (row.contains(new String(secret, StandardCharsets.UTF_8)) || row.contains(HexFormat.of().formatHex(secret))) {
                    findings.add("a " + row.substring(0, row.indexOf(':')) + " row holds profile content");
                }
            }
            if (row.contains(accountKeys.get(0)) && row.contains(accountKeys.get(1))) {
                findings.add("a " + row.substring(0, row.indexOf(':')) + " row links both accounts");
            }
        }
        return findings;
    }

    private static String url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("relay") + ";ACCESS_MODE_DATA=r";
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    /**
     * Every row of every table of the relay's database, read back through H2 after the relay closed it, as
     * {@code TABLE:col1|col2|...} with binary columns in hex and text as is (the username key of an account first).
     */
    private static List<String> databaseRows(Path dataDir) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(url(dataDir), "relay", "");
             Statement tables = db.createStatement();
             ResultSet names = tables.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                     + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'")) {
            List<String> tableNames = new ArrayList<>();
            while (names.next()) {
                tableNames.add(names.getString(1));
            }
            assertThat(tableNames).contains("ACCOUNTS", "BLOBS");
            for (String table : tableNames) {
                String order = table.equals("ACCOUNTS") ? "USERNAME_KEY, " : "";
                try (Statement select = db.createStatement();
                     ResultSet rs = select.executeQuery("SELECT " + order + "* FROM \"" + table + "\"")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder(table).append(':');
                        for (int c = 1; c <= columns; c++) {
                            Object value = rs.getObject(c);
                            row.append(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes)
                                    : String.valueOf(value)).append('|');
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        return rows;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String shown(ParleyApp app, String user) {
        try {
            return app.profiles().of(user).shown();
        } catch (Exception e) {
            return "";
        }
    }

    private static int requests(ParleyApp app) {
        try {
            return app.contacts().requests().size();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
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
