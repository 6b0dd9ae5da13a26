package dev.parley.crypto.session;

import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.primitives.MlKem1024;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The first messages of a session, sent by the initiator until the responder's first reply arrives: the PQXDH
 * values the responder needs, followed by a complete {@link RatchetMessage}.
 * <pre>
 * offset 0    u8    version = 2
 * offset 1    u8    type = 2
 * offset 2    32    IK_A: initiator's identity key (Ed25519)
 * offset 34   32    EK_A: initiator's ephemeral (base) key (X25519)
 * offset 66   u32   id of the responder's signed prekey used
 * offset 70   u8    0x01 if a one-time prekey was used, else 0x00
 * offset 71   u32   id of that one-time prekey (0 when none)
 * offset 75   u32   id of the responder's KEM prekey encapsulated to (one-time or last-resort)
 * offset 79   1568  ML-KEM-1024 ciphertext CT
 * offset 1647 ..    the embedded ratchet message (its own version and type bytes included)
 * </pre>
 */
public final class PreKeyRatchetMessage implements CiphertextMessage {
    static final int PREFIX_BYTES = 79 + MlKem1024.CIPHERTEXT_BYTES;

    private final IdentityKey identityKey;
    private final byte[] baseKey;
    private final int signedPreKeyId;
    private final OptionalInt oneTimePreKeyId;
    private final int kemPreKeyId;
    private final byte[] kemCiphertext;
    private final RatchetMessage message;

    PreKeyRatchetMessage(IdentityKey identityKey, byte[] baseKey, int signedPreKeyId, OptionalInt oneTimePreKeyId,
            int kemPreKeyId, byte[] kemCiphertext, RatchetMessage message) {
        if (baseKey.length != 32 || kemCiphertext.length != MlKem1024.CIPHERTEXT_BYTES) {
            throw new IllegalArgumentException("base key: 32 bytes, KEM ciphertext: 1568 bytes expected");
        }
        this.kemPreKeyId = kemPreKeyId;
        this.kemCiphertext = kemCiphertext.clone();
        this.identityKey = Objects.requireNonNull(identityKey);
        this.baseKey = baseKey.clone();
        this.signedPreKeyId = signedPreKeyId;
        this.oneTimePreKeyId = Objects.requireNonNull(oneTimePreKeyId);
        this.message = Objects.requireNonNull(message);
    }

    static PreKeyRatchetMessage deserialize(byte[] bytes) throws InvalidMessageException, UnsupportedVersionException {
        if (bytes.length < PREFIX_BYTES) {
            throw new InvalidMessageException("prekey message: truncated");
        }
        if (bytes[0] != VERSION) {
            throw new UnsupportedVersionException("prekey message: unknown version " + bytes[0]);
        }
        if (bytes[1] != TYPE_PREKEY) {
            throw new InvalidMessageException("prekey message: wrong type");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        in.position(2);
        byte[] ik = new byte[32];
        in.get(ik);
        byte[] ek = new byte[32];
        in.get(ek);
        int spkId = in.getInt();
        byte flag = in.get();
        int opkId = in.getInt();
        if (flag != 0 && flag != 1 || flag == 0 && opkId != 0) {
            throw new InvalidMessageException("prekey message: bad one-time prekey field");
        }
        int kemId = in.getInt();
        byte[] kemCiphertext = new byte[MlKem1024.CIPHERTEXT_BYTES];
        in.get(kemCiphertext);
        RatchetMessage inner = RatchetMessage.deserialize(Arrays.copyOfRange(bytes, PREFIX_BYTES, bytes.length));
        return new PreKeyRatchetMessage(new IdentityKey(ik), ek, spkId,
                flag == 1 ? OptionalInt.of(opkId) : OptionalInt.empty(), kemId, kemCiphertext, inner);
    }

    /** The initiator's identity key IK_A. */
    public IdentityKey identityKey() {
        return identityKey;
    }

    /** The initiator's ephemeral key EK_A, which also identifies the session it starts. */
    public byte[] baseKey() {
        return baseKey.clone();
    }

    public int signedPreKeyId() {
        return signedPreKeyId;
    }

    public OptionalInt oneTimePreKeyId() {
        return oneTimePreKeyId;
    }

    /** The id of the responder's KEM prekey the initiator encapsulated to. */
    public int kemPreKeyId() {
        return kemPreKeyId;
    }

    /** The ML-KEM-1024 ciphertext (1568 bytes). */
    public byte[] kemCiphertext() {
        return kemCiphertext.clone();
    }

    public RatchetMessage message() {
        return message;
    }

    /** Bytes 0-1646 of the encoding, which are also part of the embedded message's associated data. */
    static byte[] prefix(IdentityKey identityKey, byte[] baseKey, PendingPreKey pending) {
        return ByteBuffer.allocate(PREFIX_BYTES).put(VERSION).put(TYPE_PREKEY).put(identityKey.bytes()).put(baseKey)
                .putInt(pending.signedPreKeyId()).put((byte) (pending.oneTimePreKeyId().isPresent() ? 1 : 0))
                .putInt(pending.oneTimePreKeyId().orElse(0)).putInt(pending.kemPreKeyId())
                .put(pending.kemCiphertext()).array();
    }

    byte[] prefix() {
        return prefix(identityKey, baseKey, pendingPreKey());
    }

    PendingPreKey pendingPreKey() {
        return new PendingPreKey(signedPreKeyId, oneTimePreKeyId, kemPreKeyId, kemCiphertext);
    }

    @Override
    public byte[] serialize() {
        byte[] inner = message.serialize();
        return ByteBuffer.allocate(PREFIX_BYTES + inner.length).put(prefix()).put(inner).array();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PreKeyRatchetMessage other && Arrays.equals(serialize(), other.serialize());
    }

    @Override
    public int hashCode() {
        return message.hashCode();
    }

    @Override
    public String toString() {
        return "PreKeyRatchetMessage[spk=" + signedPreKeyId + ", opk="
                + (oneTimePreKeyId.isPresent() ? Integer.toString(oneTimePreKeyId.getAsInt()) : "none") + ", kem="
                + kemPreKeyId + ", " + message + "]";
    }
}
