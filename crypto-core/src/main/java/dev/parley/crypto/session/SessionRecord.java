package dev.parley.crypto.session;

import dev.parley.crypto.exceptions.CorruptStateException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import dev.parley.crypto.identity.IdentityKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Everything a client keeps about its session with one peer: the current session state and up to
 * {@value #MAX_PREVIOUS_STATES} previous ones (replaced by a newer handshake, kept so that late messages of the old
 * session and simultaneous initiations still decrypt, and so that a replayed first message of an old session is
 * recognised as a duplicate).
 *
 * <p>{@link #serialize()} produces a compact versioned byte format (version byte {@value #FORMAT_VERSION}, layout in
 * docs/protocol.md) that contains secret keys: store it only encrypted. Instances are mutable only inside this
 * package; {@code SessionStore} implementations must store and hand out copies.
 */
public final class SessionRecord {
    public static final byte FORMAT_VERSION = 2;
    public static final int MAX_PREVIOUS_STATES = 5;

    private SessionState current;
    private final List<SessionState> previous;

    /** An empty record (no session yet). */
    public SessionRecord() {
        this(null, new ArrayList<>());
    }

    private SessionRecord(SessionState current, List<SessionState> previous) {
        this.current = current;
        this.previous = previous;
    }

    /** Whether this record has a current session that can encrypt. */
    public boolean hasCurrentSession() {
        return current != null;
    }

    /** The peer identity key of the current session, if any. */
    public Optional<IdentityKey> remoteIdentity() {
        return current == null ? Optional.empty() : Optional.of(current.remoteIdentity);
    }

    /**
     * Whether the current or an archived session state was built from this base key (a later prekey message of
     * that session decrypts on it; otherwise a prekey message with this base key would start a new session).
     */
    public boolean hasStateWithBaseKey(byte[] baseKey) {
        if (current != null && current.hasBaseKey(baseKey)) {
            return true;
        }
        for (SessionState state : previous) {
            if (state.hasBaseKey(baseKey)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the current session is still unacknowledged: its messages are sent as prekey messages. */
    public boolean awaitingFirstReply() {
        return current != null && current.pendingPreKey != null;
    }

    /** A deep copy; the copy and this record share no mutable state. */
    public SessionRecord copy() {
        List<SessionState> copies = new ArrayList<>(previous.size());
        for (SessionState state : previous) {
            copies.add(state.copy());
        }
        return new SessionRecord(current == null ? null : current.copy(), copies);
    }

    SessionState current() {
        return current;
    }

    List<SessionState> previous() {
        return Collections.unmodifiableList(previous);
    }

    /** Makes {@code state} current, archiving the old current state (oldest archived states are dropped). */
    void promote(SessionState state) {
        if (current != null && current != state) {
            previous.add(0, current);
        }
        previous.remove(state);
        current = state;
        while (previous.size() > MAX_PREVIOUS_STATES) {
            previous.remove(previous.size() - 1);
        }
    }

    /** Replaces archived state number {@code index} with its updated copy and makes it current. */
    void promotePrevious(int index, SessionState updated) {
        previous.remove(index);
        promote(updated);
    }

    /** Replaces the current state with its updated copy. */
    void replaceCurrent(SessionState updated) {
        current = updated;
    }

    public byte[] serialize() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_VERSION);
            if (current == null) {
                out.writeByte(0);
            } else {
                out.writeByte(1);
                current.write(out);
            }
            out.writeByte(previous.size());
            for (SessionState state : previous) {
                state.write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Parses {@link #serialize()} output.
     *
     * @throws UnsupportedVersionException if the version byte is unknown
     * @throws CorruptStateException       if the bytes are truncated, have trailing data or invalid fields
     */
    public static SessionRecord deserialize(byte[] serialized) throws UnsupportedVersionException, CorruptStateException {
        if (serialized == null || serialized.length == 0) {
            throw new CorruptStateException("session record: empty input");
        }
        if (serialized[0] != FORMAT_VERSION) {
            throw new UnsupportedVersionException("session record: unknown format version " + serialized[0]);
        }
        ByteArrayInputStream bytes = new ByteArrayInputStream(serialized, 1, serialized.length - 1);
        try (DataInputStream in = new DataInputStream(bytes)) {
            int hasCurrent = in.readUnsignedByte();
            if (hasCurrent > 1) {
                throw new CorruptStateException("session record: bad flag byte");
            }
            SessionState current = hasCurrent == 1 ? SessionState.read(in) : null;
            int count = in.readUnsignedByte();
            if (count > MAX_PREVIOUS_STATES) {
                throw new CorruptStateException("session record: too many previous states");
            }
            List<SessionState> previous = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                previous.add(SessionState.read(in));
            }
            if (in.read() != -1) {
                throw new CorruptStateException("session record: trailing bytes");
            }
            return new SessionRecord(current, previous);
        } catch (EOFException e) {
            throw new CorruptStateException("session record: truncated");
        } catch (IOException e) {
            throw new CorruptStateException("session record: unreadable", e);
        } catch (IllegalArgumentException e) {
            throw new CorruptStateException("session record: invalid field");
        }
    }

    @Override
    public String toString() {
        return "SessionRecord[current=" + (current != null) + ", previous=" + previous.size() + "]";
    }
}
