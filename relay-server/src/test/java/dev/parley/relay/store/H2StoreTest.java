package dev.parley.relay.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2StoreTest extends StoreContractTest {
    @TempDir
    Path dir;
    private H2Database db;

    @Override
    protected void open() throws Exception {
        db = H2Database.open(dir);
        accounts = db.accounts();
        blobs = db.blobs();
    }

    @Override
    protected void close() {
        db.close();
    }

    @Test
    void everythingSurvivesReopeningTheFiles() throws Exception {
        accounts.register(account("alice"), preKeys(1, 3), kem(1, 3), null, T0);
        long id = blobs.store("alice", bytes(16, 1), bytes(40, 9), T0, T0.plusSeconds(86_400), 10).id();
        db.halt();
        open();
        assertThat(accounts.find("alice")).isPresent();
        assertThat(accounts.oneTimePreKeyCount("alice")).isEqualTo(3);
        assertThat(blobs.queued("alice", 0, 10)).singleElement()
                .satisfies(b -> assertThat(b.id()).isEqualTo(id))
                .satisfies(b -> assertThat(b.blob()).isEqualTo(bytes(40, 9)));
        assertThat(blobs.totalQueuedBytes()).isEqualTo(40);
    }

    @Test
    void aConstraintViolationOtherThanTheIdempotencyKeyIsAnErrorNotADuplicate() {
        Instant expiry = T0.plusSeconds(86_400);
        long id = blobs.store("bob", bytes(16, 1), bytes(10, 1), T0, expiry, 100).id();
        // A row that takes the id the identity column hands out next: the next INSERT violates the primary key.
        db.transaction(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO blobs (id, recipient_key, "
                    + "client_message_id, blob, received_at, expires_at) VALUES (?, ?, ?, ?, 0, ?)")) {
                ps.setLong(1, id + 1);
                ps.setBytes(2, bytes(32, 5));
                ps.setBytes(3, bytes(16, 5));
                ps.setBytes(4, bytes(10, 5));
                ps.setLong(5, expiry.toEpochMilli());
                ps.executeUpdate();
            }
            return null;
        });
        assertThatThrownBy(() -> blobs.store("bob", bytes(16, 2), bytes(10, 2), T0, expiry, 100))
                .isInstanceOf(StoreException.class);
        assertThat(blobs.isKnown("bob", bytes(16, 2))).as("nothing was stored").isFalse();
        assertThat(blobs.queuedCount("bob")).isEqualTo(1);
        assertThat(blobs.store("bob", bytes(16, 2), bytes(10, 2), T0, expiry, 100).status())
                .as("a retry gets the next id").isEqualTo(StoreResult.Status.STORED);
        assertThat(blobs.store("bob", bytes(16, 2), bytes(10, 2), T0, expiry, 100).status())
                .isEqualTo(StoreResult.Status.DUPLICATE);
    }
}
