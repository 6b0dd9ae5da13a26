package dev.parley.crypto.store;

import dev.parley.crypto.identity.Username;
import dev.parley.crypto.session.SessionRecord;
import java.util.Optional;

/**
 * Persistence port for session records, one per peer.
 *
 * <p>Contract (checked by {@code SessionStoreContractTest} in crypto-core's test-jar):
 * <ul>
 *   <li>{@link #loadSession} returns a <em>copy</em>: mutating it never changes what is stored;</li>
 *   <li>{@link #storeSession} stores a copy (or the serialized bytes) and replaces any earlier record atomically;
 *       a later load returns a record equal in content ({@code serialize()} bytes) to the one stored;</li>
 *   <li>records are keyed by username only; {@link #deleteSession} of an absent key does nothing.</li>
 * </ul>
 * Implementations hold secret keys: persistent ones must encrypt at rest. Protocol classes call these methods
 * only after a successful operation (load, compute, commit), so a failed decrypt leaves the store untouched.
 */
public interface SessionStore {
    Optional<SessionRecord> loadSession(Username peer);

    void storeSession(Username peer, SessionRecord record);

    boolean containsSession(Username peer);

    void deleteSession(Username peer);
}
