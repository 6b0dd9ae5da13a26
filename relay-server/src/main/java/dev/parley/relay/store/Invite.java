package dev.parley.relay.store;

import java.time.Instant;
import java.util.Optional;

/** An invite code as operators see it. A code registers at most one account. */
public record Invite(String code, Instant createdAt, Optional<Instant> usedAt, boolean revoked) {
    /** True while the code can still register an account. */
    public boolean usable() {
        return usedAt.isEmpty() && !revoked;
    }
}
