package dev.parley.crypto.store.inmemory;

import dev.parley.crypto.identity.Username;
import dev.parley.crypto.session.SessionRecord;
import dev.parley.crypto.store.SessionStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link SessionStore} in memory: keeps deep copies of records. Thread-safe. */
public final class InMemorySessionStore implements SessionStore {
    private final Map<Username, SessionRecord> records = new ConcurrentHashMap<>();

    @Override
    public Optional<SessionRecord> loadSession(Username peer) {
        SessionRecord record = records.get(peer);
        return record == null ? Optional.empty() : Optional.of(record.copy());
    }

    @Override
    public void storeSession(Username peer, SessionRecord record) {
        records.put(peer, record.copy());
    }

    @Override
    public boolean containsSession(Username peer) {
        SessionRecord record = records.get(peer);
        return record != null && record.hasCurrentSession();
    }

    @Override
    public void deleteSession(Username peer) {
        records.remove(peer);
    }
}
