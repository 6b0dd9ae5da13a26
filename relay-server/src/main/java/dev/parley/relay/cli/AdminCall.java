package dev.parley.relay.cli;

import dev.parley.relay.admin.AdminClient;
import dev.parley.relay.admin.AdminOperations;
import dev.parley.relay.admin.AdminRequest;
import dev.parley.relay.admin.AdminResponse;
import dev.parley.relay.admin.AdminSocketServer;
import dev.parley.relay.store.H2Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

/**
 * Runs an operator request: through the running relay's admin socket when one answers, otherwise directly on the
 * database (which only works while no relay holds it). A cluster node's data directory holds the cluster's identity
 * but no database (that is in PostgreSQL): there the request needs a running node and is never answered from an H2
 * file the nodes would not see.
 */
final class AdminCall {
    private AdminCall() {
    }

    /** @param adminDir the relay's own admin directory, or null for {@code <data-dir>/admin} */
    static AdminResponse run(Path dataDir, Path adminDir, AdminRequest request) throws Exception {
        Path dir = adminDir != null ? adminDir : AdminSocketServer.defaultDirectory(dataDir);
        Optional<AdminResponse> live = AdminClient.tryRequestIn(dir, request);
        if (live.isPresent()) {
            return live.get();
        }
        if (clusterIdentityOnly(dataDir)) {
            return new AdminResponse.Failure("no relay answers on " + AdminSocketServer.socketIn(dir) + " and this data "
                    + "directory belongs to a cluster node (its database is PostgreSQL): run the command where a node "
                    + "runs, with that node's --admin-dir");
        }
        SecureRandom random = new SecureRandom();
        try (H2Database db = H2Database.open(dataDir)) {
            return new AdminOperations(db.accounts(), db.blobs(), random::nextBytes, Clock.systemUTC()).execute(request);
        }
    }

    /** A relay id (every relay writes one at its first start) but no H2 database file: a cluster node's directory. */
    static boolean clusterIdentityOnly(Path dataDir) {
        return Files.exists(dataDir.resolve("relay-id")) && Files.notExists(dataDir.resolve("relay.mv.db"));
    }
}
