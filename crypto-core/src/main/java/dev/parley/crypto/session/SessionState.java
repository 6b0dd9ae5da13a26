package dev.parley.crypto.session;

import dev.parley.crypto.exceptions.CorruptStateException;
import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.primitives.MlKem1024;
import dev.parley.crypto.ratchet.ChainKey;
import dev.parley.crypto.ratchet.RootKey;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The Double Ratchet state of one session. Mutable, but only ever mutated on a private copy ({@link #copy()}) that
 * replaces the stored state once an operation has fully succeeded. Keys are held in immutable values, so a copy
 * shares them safely.
 */
final class SessionState {
    static final int MAX_PREVIOUS_RATCHET_KEYS = 5;

    IdentityKey localIdentity;
    IdentityKey remoteIdentity;
    RootKey rootKey;
    byte[] sendingRatchetPublic;
    byte[] sendingRatchetPrivate;
    byte[] remoteRatchetKey;
    ChainKey sendingChain;
    ChainKey receivingChain;
    int previousCounter;
    byte[] baseKey;
    PendingPreKey pendingPreKey;
    Deque<byte[]> previousRemoteRatchetKeys = new ArrayDeque<>();
    LinkedHashMap<SkippedKeyId, SkippedKey> skipped = new LinkedHashMap<>();

    SessionState copy() {
        SessionState c = new SessionState();
        c.localIdentity = localIdentity;
        c.remoteIdentity = remoteIdentity;
        c.rootKey = rootKey;
        c.sendingRatchetPublic = sendingRatchetPublic;
        c.sendingRatchetPrivate = sendingRatchetPrivate;
        c.remoteRatchetKey = remoteRatchetKey;
        c.sendingChain = sendingChain;
        c.receivingChain = receivingChain;
        c.previousCounter = previousCounter;
        c.baseKey = baseKey;
        c.pendingPreKey = pendingPreKey;
        c.previousRemoteRatchetKeys = new ArrayDeque<>(previousRemoteRatchetKeys);
        c.skipped = new LinkedHashMap<>(skipped);
        return c;
    }

    boolean hasBaseKey(byte[] candidate) {
        return Arrays.equals(baseKey, candidate);
    }

    boolean isPreviousRemoteRatchetKey(byte[] key) {
        for (byte[] previous : previousRemoteRatchetKeys) {
            if (Arrays.equals(previous, key)) {
                return true;
            }
        }
        return false;
    }

    void rememberPreviousRemoteRatchetKey(byte[] key) {
        previousRemoteRatchetKeys.addLast(key);
        while (previousRemoteRatchetKeys.size() > MAX_PREVIOUS_RATCHET_KEYS) {
            previousRemoteRatchetKeys.removeFirst();
        }
    }

    /** Deletes skipped keys stored before {@code oldestAllowedMillis}. */
    void purgeSkippedBefore(long oldestAllowedMillis) {
        Iterator<Map.Entry<SkippedKeyId, SkippedKey>> it = skipped.entrySet().iterator();
        while (it.hasNext()) {
            if (it.next().getValue().storedAtMillis() < oldestAllowedMillis) {
                it.remove();
            }
        }
    }

    /** Stores a skipped key, deleting the oldest ones beyond {@code maxTotal}. */
    void addSkipped(SkippedKeyId id, SkippedKey key, int maxTotal) {
        skipped.put(id, key);
        Iterator<SkippedKeyId> it = skipped.keySet().iterator();
        while (skipped.size() > maxTotal && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    void write(DataOutputStream out) throws IOException {
        out.write(localIdentity.bytes());
        out.write(remoteIdentity.bytes());
        out.write(rootKey.bytes());
        out.write(sendingRatchetPublic);
        out.write(sendingRatchetPrivate);
        writeOptionalKey(out, remoteRatchetKey);
        writeChain(out, sendingChain);
        writeChain(out, receivingChain);
        out.writeInt(previousCounter);
        out.write(baseKey);
        if (pendingPreKey == null) {
            out.writeByte(0);
        } else {
            out.writeByte(1);
            out.writeInt(pendingPreKey.signedPreKeyId());
            out.writeByte(pendingPreKey.oneTimePreKeyId().isPresent() ? 1 : 0);
            out.writeInt(pendingPreKey.oneTimePreKeyId().orElse(0));
            out.writeInt(pendingPreKey.kemPreKeyId());
            out.write(pendingPreKey.kemCiphertext());
        }
        out.writeByte(previousRemoteRatchetKeys.size());
        for (byte[] key : previousRemoteRatchetKeys) {
            out.write(key);
        }
        out.writeShort(skipped.size());
        for (Map.Entry<SkippedKeyId, SkippedKey> e : skipped.entrySet()) {
            out.write(e.getKey().ratchetKey());
            out.writeInt(e.getKey().counter());
            out.write(e.getValue().messageKey());
            out.writeLong(e.getValue().storedAtMillis());
        }
    }

    static SessionState read(DataInputStream in) throws IOException, CorruptStateException {
        SessionState s = new SessionState();
        s.localIdentity = new IdentityKey(key(in));
        s.remoteIdentity = new IdentityKey(key(in));
        s.rootKey = new RootKey(key(in));
        s.sendingRatchetPublic = key(in);
        s.sendingRatchetPrivate = key(in);
        s.remoteRatchetKey = flag(in) ? key(in) : null;
        s.sendingChain = readChain(in);
        s.receivingChain = readChain(in);
        s.previousCounter = nonNegative(in.readInt());
        s.baseKey = key(in);
        if (flag(in)) {
            int spk = in.readInt();
            boolean hasOpk = flag(in);
            int opk = in.readInt();
            int kem = in.readInt();
            byte[] kemCiphertext = new byte[MlKem1024.CIPHERTEXT_BYTES];
            in.readFully(kemCiphertext);
            s.pendingPreKey = new PendingPreKey(spk, hasOpk ? OptionalInt.of(opk) : OptionalInt.empty(), kem,
                    kemCiphertext);
        }
        int previousKeys = in.readUnsignedByte();
        if (previousKeys > MAX_PREVIOUS_RATCHET_KEYS) {
            throw new CorruptStateException("session record: too many previous ratchet keys");
        }
        for (int i = 0; i < previousKeys; i++) {
            s.previousRemoteRatchetKeys.addLast(key(in));
        }
        int skippedCount = in.readUnsignedShort();
        for (int i = 0; i < skippedCount; i++) {
            SkippedKeyId id = new SkippedKeyId(key(in), nonNegative(in.readInt()));
            s.skipped.put(id, new SkippedKey(key(in), in.readLong()));
        }
        return s;
    }

    private static void writeOptionalKey(DataOutputStream out, byte[] key) throws IOException {
        if (key == null) {
            out.writeByte(0);
        } else {
            out.writeByte(1);
            out.write(key);
        }
    }

    private static void writeChain(DataOutputStream out, ChainKey chain) throws IOException {
        if (chain == null) {
            out.writeByte(0);
        } else {
            out.writeByte(1);
            out.write(chain.bytes());
            out.writeInt(chain.index());
        }
    }

    private static ChainKey readChain(DataInputStream in) throws IOException, CorruptStateException {
        if (!flag(in)) {
            return null;
        }
        byte[] key = key(in);
        return new ChainKey(key, nonNegative(in.readInt()));
    }

    private static byte[] key(DataInputStream in) throws IOException {
        byte[] key = new byte[32];
        in.readFully(key);
        return key;
    }

    private static boolean flag(DataInputStream in) throws IOException, CorruptStateException {
        int b = in.readUnsignedByte();
        if (b > 1) {
            throw new CorruptStateException("session record: bad flag byte");
        }
        return b == 1;
    }

    private static int nonNegative(int value) throws CorruptStateException {
        if (value < 0) {
            throw new CorruptStateException("session record: counter out of range");
        }
        return value;
    }
}
