package dev.parley.relay.store;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Run in a child JVM by {@link H2TemporaryFilesTest}: stores {@code args[1]} blobs for one recipient in the relay
 * database at {@code args[0]}, then opens the database again (which reads every remembered id into its filter).
 */
public final class RememberedIdsWriter {
    private RememberedIdsWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        try (H2Database db = H2Database.open(dir)) {
            for (int i = 0; i < count; i++) {
                byte[] id = new byte[16];
                id[0] = (byte) i;
                id[1] = (byte) (i >> 8);
                db.blobs().store("bob", id, new byte[] {1, 2, 3}, now, now.plusSeconds(86_400), Integer.MAX_VALUE);
            }
        }
        try (H2Database db = H2Database.open(dir)) {
            if (db.blobs().totalQueued() != count) {
                throw new IllegalStateException("expected " + count + " queued blobs");
            }
        }
    }
}
