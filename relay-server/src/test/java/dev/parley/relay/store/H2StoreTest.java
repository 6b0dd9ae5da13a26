package dev.parley.relay.store;

import static org.assertj.core.api.Assertions.assertThat;

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
        accounts.register(account("alice"), preKeys(1, 3), null, T0);
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
}
