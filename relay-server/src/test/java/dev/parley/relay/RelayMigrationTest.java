package dev.parley.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.relay.store.H2TrustForTests;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 9 (security review, issue 11): usernames are filed under a keyed hash, and a Parley 0.1 relay database
 * (schema V1, unkeyed SHA-256 keys) keeps working after the migration: accounts authenticate, queued blobs are
 * delivered, prekeys are handed out, and no unkeyed key is left in the file.
 */
class RelayMigrationTest {
    @BeforeAll
    static void restrictH2LikeTheRelay() {
        H2TrustForTests.restrictClassLoading();
    }

    @TempDir
    Path dataDir;

    /** SHA-256("parley/v1/relay-username" || 0x00 || username): what Parley 0.1 stored (docs/protocol.md). */
    private static byte[] unkeyed(String username) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update("parley/v1/relay-username\0".getBytes(StandardCharsets.US_ASCII));
        return sha.digest(username.getBytes(StandardCharsets.UTF_8));
    }

    private String url() {
        return "jdbc:h2:file:" + dataDir.resolve("relay");
    }

    private void createVersion1Database(TestUser... users) throws Exception {
        Flyway.configure().dataSource(url(), "relay", "").locations("classpath:db/relay").target("1").load().migrate();
        try (Connection c = DriverManager.getConnection(url(), "relay", "")) {
            for (TestUser user : users) {
                try (PreparedStatement account = c.prepareStatement("INSERT INTO accounts VALUES (?, ?, ?, ?, ?, ?)")) {
                    account.setBytes(1, unkeyed(user.username));
                    account.setBytes(2, user.identity.publicKey());
                    account.setInt(3, user.signedPreKey.id());
                    account.setBytes(4, user.signedPreKey.publicKey());
                    account.setBytes(5, user.signedPreKey.signature());
                    account.setLong(6, 1_700_000_000_000L);
                    account.executeUpdate();
                }
                try (PreparedStatement prekey = c.prepareStatement(
                        "INSERT INTO one_time_prekeys (username_key, prekey_id, public_key) VALUES (?, ?, ?)")) {
                    for (var key : user.oneTimePreKeys(2)) {
                        prekey.setBytes(1, unkeyed(user.username));
                        prekey.setInt(2, key.id());
                        prekey.setBytes(3, key.publicKey());
                        prekey.executeUpdate();
                    }
                }
            }
            try (PreparedStatement blob = c.prepareStatement("INSERT INTO blobs (recipient_key, client_message_id, blob, "
                    + "received_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                blob.setBytes(1, unkeyed(users[0].username));
                blob.setBytes(2, RelayFlowTest.clientMessageId(1));
                blob.setBytes(3, new byte[] {7, 7, 7});
                blob.setLong(4, System.currentTimeMillis());
                blob.setLong(5, System.currentTimeMillis() + 86_400_000L);
                blob.executeUpdate();
            }
        }
    }

    private List<byte[]> allUsernameKeys() throws Exception {
        List<byte[]> keys = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url(), "relay", ""); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT username_key FROM accounts UNION ALL SELECT username_key FROM "
                     + "one_time_prekeys UNION ALL SELECT recipient_key FROM blobs UNION ALL SELECT account_key FROM devices")) {
            while (rs.next()) {
                keys.add(rs.getBytes(1));
            }
        }
        return keys;
    }

    @Test
    void aVersion1DatabaseWithAccountsIsMigratedToKeyedUsernamesAndKeepsWorking() throws Exception {
        TestUser alice = new TestUser("alice");
        TestUser bob = new TestUser("bob");
        createVersion1Database(alice, bob);

        try (RelayServer relay = RelayServer.start(RelayConfig.defaults().withPort(0).withDataDir(dataDir));
             TestClient a = TestClient.connect(relay.uri()); TestClient b = TestClient.connect(relay.uri())) {
            // A 0.1 account has no KEM prekeys (V8) until it uploads some: no complete one-time prekey set yet.
            assertThat(alice.authenticate(a).oneTimePreKeysRemaining()).isZero();
            Push.Deliver queued = a.awaitPush(Push.Deliver.class);
            assertThat(queued.blob()).containsExactly(7, 7, 7);
            assertThat(a.request(new Request.Ack(queued.messageId()))).isEqualTo(new Response.Ok());
            assertThat(a.request(new Request.UploadPreKeys(null, List.of(), alice.lastResortKemPreKey,
                    alice.kemPreKeys(2)))).isEqualTo(new Response.PreKeyCount(2));
            bob.authenticate(b);
            Response.Bundle bundle = (Response.Bundle) b.request(new Request.FetchBundle("alice"));
            assertThat(bundle.bundle().identityKey()).isEqualTo(alice.identity.publicKey());
            assertThat(bundle.bundle().oneTimePreKey()).isPresent();
            assertThat(b.request(new Request.Send("alice", RelayFlowTest.clientMessageId(2), new byte[] {1})))
                    .isEqualTo(new Response.SendAccepted(false));
            assertThat(b.expectError(new TestUser("alice").registration(b, 0, null)).code())
                    .isEqualTo(dev.parley.crypto.wire.ErrorCode.USERNAME_TAKEN);
            // Linked devices (issue #17, relay V9): every account from before is its device 1.
            Response.DeviceListResult devices = (Response.DeviceListResult) b.request(new Request.DeviceList("alice"));
            assertThat(devices.devices()).extracting(Response.DeviceInfo::deviceId).containsExactly(1);
        }
        try (Connection c = DriverManager.getConnection(url(), "relay", ""); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM devices d JOIN accounts a ON a.username_key = "
                     + "d.account_key WHERE d.device_id = 1 AND d.credential_key = a.identity_key")) {
            rs.next();
            assertThat(rs.getInt(1)).as("device 1 of each account logs in with its identity key").isEqualTo(2);
        }

        Path secret = dataDir.resolve("username-key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
        List<byte[]> keys = allUsernameKeys();
        assertThat(keys).isNotEmpty();
        for (byte[] key : keys) {
            assertThat(key).isNotEqualTo(unkeyed("alice")).isNotEqualTo(unkeyed("bob"));
        }
    }

    @Test
    void theKeyDependsOnTheRelaysSecret() throws Exception {
        TestUser alice = new TestUser("alice");
        try (RelayServer relay = RelayServer.start(RelayConfig.defaults().withPort(0).withDataDir(dataDir));
             TestClient a = TestClient.connect(relay.uri())) {
            alice.register(a, 0);
        }
        List<byte[]> keys = allUsernameKeys();
        assertThat(keys).as("the account's row and its device 1's").hasSize(2);
        assertThat(keys.get(1)).isEqualTo(keys.get(0));
        assertThat(keys.get(0)).isNotEqualTo(unkeyed("alice"));
        byte[] secret = java.util.HexFormat.of().parseHex(Files.readString(dataDir.resolve("username-key")).strip());
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret, "HmacSHA256"));
        assertThat(keys.get(0)).isEqualTo(mac.doFinal(unkeyed("alice")));
    }
}
