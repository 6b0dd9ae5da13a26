package dev.parley.desktop.storage.h2;

import dev.parley.crypto.secret.SecretBytes;
import dev.parley.desktop.storage.h2.DatabaseOpenException.Reason;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The file keys of the databases open in this process, by database base path, so the key never travels in a JDBC URL,
 * a password string or anything H2 could log. {@link EncryptedFilePath} asks for the key of a file when H2 opens it.
 * A {@link Lease} holds a key for as long as a storage (or a one-off connection) needs it; when the last lease of a
 * database closes (the profile is locked) the key bytes are wiped and forgotten.
 */
final class FileKeyRing {
    private static final Map<String, Entry> KEYS = new HashMap<>();

    private FileKeyRing() {
    }

    private static final class Entry {
        final byte[] passwordBytes;
        int leases;

        Entry(byte[] passwordBytes) {
            this.passwordBytes = passwordBytes;
        }
    }

    /** Holds {@code files}' key until closed; a database already held under another key is refused (IN_USE). */
    static Lease lease(DatabaseFiles files, SecretBytes fileKey) throws DatabaseOpenException {
        String path = files.base().toString();
        byte[] password = H2FileKey.passwordBytes(fileKey);
        synchronized (KEYS) {
            Entry entry = KEYS.get(path);
            if (entry == null) {
                entry = new Entry(password);
                KEYS.put(path, entry);
            } else {
                boolean same = MessageDigest.isEqual(entry.passwordBytes, password);
                Arrays.fill(password, (byte) 0);
                if (!same) {
                    throw new DatabaseOpenException(Reason.IN_USE, "the database is open under another key");
                }
            }
            entry.leases++;
        }
        return new Lease(path);
    }

    /**
     * A copy of the password bytes for the H2 file {@code fileName} (the base path plus H2's suffix, such as
     * {@code .mv.db}), or null if no lease holds it. The caller wipes the copy.
     */
    static byte[] passwordBytesFor(String fileName) {
        synchronized (KEYS) {
            for (Map.Entry<String, Entry> e : KEYS.entrySet()) {
                String base = e.getKey();
                if (fileName.startsWith(base) && fileName.length() > base.length()
                        && fileName.charAt(base.length()) == '.') {
                    return e.getValue().passwordBytes.clone();
                }
            }
            return null;
        }
    }

    /** Whether any lease holds the key of the database at {@code files} (for tests of the wipe at lock). */
    static boolean holds(DatabaseFiles files) {
        synchronized (KEYS) {
            return KEYS.containsKey(files.base().toString());
        }
    }

    /** One hold on a database's key; closing it twice is harmless. */
    static final class Lease implements AutoCloseable {
        private final String path;
        private boolean closed;

        private Lease(String path) {
            this.path = path;
        }

        @Override
        public void close() {
            synchronized (KEYS) {
                if (closed) {
                    return;
                }
                closed = true;
                Entry entry = KEYS.get(path);
                if (entry != null && --entry.leases == 0) {
                    Arrays.fill(entry.passwordBytes, (byte) 0);
                    KEYS.remove(path);
                }
            }
        }
    }
}
