package dev.parley.crypto.group;

import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import dev.parley.crypto.primitives.Ed25519;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * What a member sends, over each pairwise session, so that another member can read its group messages: the group,
 * the sender key's id, the chain key at {@code iteration} and the public half of the sender key's signing key.
 * Secret (it holds a chain key): it travels only inside end-to-end encrypted payloads.
 * <pre>
 * 0  u8  version = 0x01
 * 1  16  group id
 * 17 u32 key id
 * 21 u32 iteration (at most 2^31-1)
 * 25 32  chain key
 * 57 32  Ed25519 signing public key
 * </pre>
 */
public record SenderKeyDistribution(GroupId groupId, int keyId, int iteration, byte[] chainKey, byte[] signingKey) {
    public static final byte VERSION = 0x01;
    public static final int BYTES = 1 + GroupId.BYTES + 4 + 4 + 32 + Ed25519.PUBLIC_KEY_BYTES;

    public SenderKeyDistribution {
        Objects.requireNonNull(groupId, "groupId");
        if (iteration < 0 || chainKey.length != 32 || signingKey.length != Ed25519.PUBLIC_KEY_BYTES) {
            throw new IllegalArgumentException("sender key distribution: bad field sizes");
        }
        chainKey = chainKey.clone();
        signingKey = signingKey.clone();
    }

    @Override
    public byte[] chainKey() {
        return chainKey.clone();
    }

    @Override
    public byte[] signingKey() {
        return signingKey.clone();
    }

    public byte[] serialize() {
        return ByteBuffer.allocate(BYTES).put(VERSION).put(groupId.bytes()).putInt(keyId).putInt(iteration)
                .put(chainKey).put(signingKey).array();
    }

    public static SenderKeyDistribution deserialize(byte[] bytes)
            throws InvalidMessageException, UnsupportedVersionException {
        if (bytes == null || bytes.length != BYTES) {
            throw new InvalidMessageException("sender key distribution: wrong length");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (in.get() != VERSION) {
            throw new UnsupportedVersionException("sender key distribution: unknown version");
        }
        byte[] group = new byte[GroupId.BYTES];
        in.get(group);
        int keyId = in.getInt();
        int iteration = in.getInt();
        if (iteration < 0) {
            throw new InvalidMessageException("sender key distribution: iteration out of range");
        }
        byte[] chain = new byte[32];
        in.get(chain);
        byte[] signing = new byte[Ed25519.PUBLIC_KEY_BYTES];
        in.get(signing);
        return new SenderKeyDistribution(new GroupId(group), keyId, iteration, chain, signing);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SenderKeyDistribution d && java.util.Arrays.equals(serialize(), d.serialize());
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(serialize());
    }

    @Override
    public String toString() {
        return "SenderKeyDistribution[" + groupId + ", key " + keyId + ", iteration " + iteration + ", key hidden]";
    }
}
