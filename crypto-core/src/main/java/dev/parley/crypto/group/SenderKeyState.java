package dev.parley.crypto.group;

import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.primitives.Ed25519;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One sender key of one member in one group, immutable: the chain key for message {@code iteration} (earlier chain
 * keys are gone, which is the chain's forward secrecy), the signing key (with its private seed only in the owner's
 * copy) and the message keys of iterations skipped over but not received yet (oldest first, bounded).
 */
public final class SenderKeyState {
    private static final byte FORMAT = 1;

    private final GroupId groupId;
    private final int keyId;
    private final int iteration;
    private final byte[] chainKey;
    private final byte[] signingPublic;
    private final byte[] signingSeed;
    private final Map<Integer, byte[]> skipped;

    SenderKeyState(GroupId groupId, int keyId, int iteration, byte[] chainKey, byte[] signingPublic,
            byte[] signingSeed, Map<Integer, byte[]> skipped) {
        this.groupId = Objects.requireNonNull(groupId, "groupId");
        if (iteration < 0 || chainKey.length != 32 || signingPublic.length != Ed25519.PUBLIC_KEY_BYTES
                || (signingSeed != null && signingSeed.length != Ed25519.SEED_BYTES)) {
            throw new IllegalArgumentException("sender key state: bad field sizes");
        }
        this.keyId = keyId;
        this.iteration = iteration;
        this.chainKey = chainKey.clone();
        this.signingPublic = signingPublic.clone();
        this.signingSeed = signingSeed == null ? null : signingSeed.clone();
        this.skipped = Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
    }

    /** The receiving state a distribution creates. */
    public static SenderKeyState fromDistribution(SenderKeyDistribution distribution) {
        return new SenderKeyState(distribution.groupId(), distribution.keyId(), distribution.iteration(),
                distribution.chainKey(), distribution.signingKey(), null, Map.of());
    }

    public GroupId groupId() {
        return groupId;
    }

    public int keyId() {
        return keyId;
    }

    /** The iteration of the next message on this chain. */
    public int iteration() {
        return iteration;
    }

    byte[] chainKey() {
        return chainKey.clone();
    }

    byte[] signingPublic() {
        return signingPublic.clone();
    }

    byte[] signingSeed() {
        return signingSeed == null ? null : signingSeed.clone();
    }

    /** Whether this is the owner's copy (it can sign, so it can send). */
    public boolean canSend() {
        return signingSeed != null;
    }

    Map<Integer, byte[]> skipped() {
        return skipped;
    }

    public int skippedCount() {
        return skipped.size();
    }

    /** The distribution that lets another member read this chain from its current iteration on. */
    public SenderKeyDistribution distribution() {
        return new SenderKeyDistribution(groupId, keyId, iteration, chainKey, signingPublic);
    }

    SenderKeyState advancedTo(int nextIteration, byte[] nextChainKey, Map<Integer, byte[]> nextSkipped) {
        return new SenderKeyState(groupId, keyId, nextIteration, nextChainKey, signingPublic, signingSeed,
                nextSkipped);
    }

    public byte[] serialize() {
        int size = 1 + GroupId.BYTES + 4 + 4 + 32 + 32 + 1 + (signingSeed == null ? 0 : 32) + 2 + skipped.size() * 36;
        ByteBuffer out = ByteBuffer.allocate(size).put(FORMAT).put(groupId.bytes()).putInt(keyId).putInt(iteration)
                .put(chainKey).put(signingPublic).put((byte) (signingSeed == null ? 0 : 1));
        if (signingSeed != null) {
            out.put(signingSeed);
        }
        out.putShort((short) skipped.size());
        skipped.forEach((index, key) -> out.putInt(index).put(key));
        return out.array();
    }

    static SenderKeyState read(ByteBuffer in) throws InvalidMessageException {
        try {
            if (in.get() != FORMAT) {
                throw new InvalidMessageException("sender key state: unknown format");
            }
            byte[] group = new byte[GroupId.BYTES];
            in.get(group);
            int keyId = in.getInt();
            int iteration = in.getInt();
            byte[] chain = new byte[32];
            in.get(chain);
            byte[] signing = new byte[32];
            in.get(signing);
            byte[] seed = null;
            if (in.get() == 1) {
                seed = new byte[32];
                in.get(seed);
            }
            int count = Short.toUnsignedInt(in.getShort());
            Map<Integer, byte[]> skipped = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                int index = in.getInt();
                byte[] key = new byte[32];
                in.get(key);
                skipped.put(index, key);
            }
            return new SenderKeyState(new GroupId(group), keyId, iteration, chain, signing, seed, skipped);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new InvalidMessageException("sender key state: corrupt");
        }
    }

    @Override
    public String toString() {
        return "SenderKeyState[" + groupId + ", key " + keyId + ", iteration " + iteration + ", keys hidden]";
    }
}
