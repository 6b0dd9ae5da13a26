package dev.parley.relay.cli;

import dev.parley.relay.admin.AdminClient;
import dev.parley.relay.admin.AdminOperations;
import dev.parley.relay.admin.AdminRequest;
import dev.parley.relay.admin.AdminResponse;
import dev.parley.relay.store.H2Database;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

/**
 * Runs an operator request: through the running relay's admin socket when one answers, otherwise directly on the
 * database (which only works while no relay holds it).
 */
final class AdminCall {
    private AdminCall() {
    }

    static AdminResponse run(Path dataDir, AdminRequest request) throws Exception {
        Optional<AdminResponse> live = AdminClient.tryRequest(dataDir, request);
        if (live.isPresent()) {
            return live.get();
        }
        SecureRandom random = new SecureRandom();
        try (H2Database db = H2Database.open(dataDir)) {
            return new AdminOperations(db.accounts(), db.blobs(), random::nextBytes, Clock.systemUTC()).execute(request);
        }
    }
}
