package dev.parley.crypto.session;

import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;

/**
 * An encrypted message of a session, as {@link SessionCipher#encrypt} produces it. Byte 0 of every encoding is the
 * format version ({@value #VERSION}), byte 1 the type: {@value #TYPE_RATCHET} for a {@link RatchetMessage},
 * {@value #TYPE_PREKEY} for a {@link PreKeyRatchetMessage} (sent until the peer's first reply acknowledges the
 * session).
 */
public sealed interface CiphertextMessage permits RatchetMessage, PreKeyRatchetMessage {
    byte VERSION = 2;
    byte TYPE_RATCHET = 1;
    byte TYPE_PREKEY = 2;

    /** The versioned binary encoding (see docs/protocol.md). */
    byte[] serialize();

    /**
     * Parses either message type.
     *
     * @throws UnsupportedVersionException if byte 0 is not {@link #VERSION}
     * @throws InvalidMessageException     if the type is unknown or the encoding is malformed
     */
    static CiphertextMessage deserialize(byte[] bytes) throws InvalidMessageException, UnsupportedVersionException {
        if (bytes == null || bytes.length < 2) {
            throw new InvalidMessageException("ciphertext message: truncated");
        }
        if (bytes[0] != VERSION) {
            throw new UnsupportedVersionException("ciphertext message: unknown version " + bytes[0]);
        }
        if (bytes[1] == TYPE_RATCHET) {
            return RatchetMessage.deserialize(bytes);
        }
        if (bytes[1] == TYPE_PREKEY) {
            return PreKeyRatchetMessage.deserialize(bytes);
        }
        throw new InvalidMessageException("ciphertext message: unknown type " + bytes[1]);
    }
}
