package dev.parley.desktop.storage.protocol;

import dev.parley.crypto.exceptions.CorruptStateException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import dev.parley.crypto.identity.Username;
import dev.parley.crypto.session.SessionRecord;
import dev.parley.crypto.store.SessionStore;
import dev.parley.desktop.storage.SecretNamespace;
import java.util.Arrays;
import java.util.Optional;

/** Session records by peer username, as {@link SessionRecord#serialize()} bytes. */
final class StoredSessions implements SessionStore {
    private final SecretEntries entries;

    StoredSessions(SecretEntries entries) {
        this.entries = entries;
    }

    @Override
    public Optional<SessionRecord> loadSession(Username peer) {
        Optional<byte[]> bytes = entries.get(SecretNamespace.SESSIONS, peer.value());
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SessionRecord.deserialize(bytes.get()));
        } catch (UnsupportedVersionException | CorruptStateException e) {
            throw new IllegalStateException("stored session record does not parse", e);
        } finally {
            Arrays.fill(bytes.get(), (byte) 0);
        }
    }

    @Override
    public void storeSession(Username peer, SessionRecord record) {
        byte[] bytes = record.serialize();
        try {
            entries.put(SecretNamespace.SESSIONS, peer.value(), bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    @Override
    public boolean containsSession(Username peer) {
        return entries.contains(SecretNamespace.SESSIONS, peer.value());
    }

    @Override
    public void deleteSession(Username peer) {
        entries.delete(SecretNamespace.SESSIONS, peer.value());
    }
}
