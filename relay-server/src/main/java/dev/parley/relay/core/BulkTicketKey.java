package dev.parley.relay.core;

import dev.parley.crypto.primitives.RandomSource;
import dev.parley.relay.store.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The key of the bulk path's tickets ({@link BulkTickets}): {@value #FILE} in the data directory (32 random bytes as
 * hex, 0600, created on first start), so every node of a cluster that shares the data directory's secrets accepts the
 * tickets of the others; a relay without a data directory draws one per start (its tickets die with it).
 */
final class BulkTicketKey {
    static final String FILE = "bulk-ticket-key";

    private BulkTicketKey() {
    }

    static byte[] loadOrCreate(Optional<Path> dataDir, RandomSource random) {
        if (dataDir.isEmpty()) {
            return random.bytes(32);
        }
        Path file = dataDir.get().resolve(FILE);
        try {
            if (!Files.exists(file)) {
                try {
                    DataDirectory.createPrivately(file,
                            (HexFormat.of().formatHex(random.bytes(32)) + "\n").getBytes(StandardCharsets.US_ASCII));
                } catch (FileAlreadyExistsException raced) {
                    // another node created it first: use theirs
                }
            }
            byte[] key = HexFormat.of().parseHex(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (key.length != 32) {
                throw new IOException("the bulk ticket key file is damaged");
            }
            return key;
        } catch (IOException | IllegalArgumentException e) {
            throw new UncheckedIOException(new IOException("the bulk ticket key cannot be read or created", e));
        }
    }
}
