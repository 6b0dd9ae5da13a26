package dev.parley.crypto.group;

import dev.parley.crypto.primitives.RandomSource;
import java.util.Arrays;
import java.util.HexFormat;

/** A group's identifier: 16 random bytes chosen by its creator, never reused. */
public final class GroupId {
    public static final int BYTES = 16;

    private final byte[] id;

    public GroupId(byte[] id) {
        if (id == null || id.length != BYTES) {
            throw new IllegalArgumentException("group id: 16 bytes expected");
        }
        this.id = id.clone();
    }

    public static GroupId random(RandomSource random) {
        return new GroupId(random.bytes(BYTES));
    }

    /** Parses 32 lower- or upper-case hex characters. */
    public static GroupId fromHex(String hex) {
        if (hex == null || hex.length() != BYTES * 2) {
            throw new IllegalArgumentException("group id: 32 hex characters expected");
        }
        return new GroupId(HexFormat.of().parseHex(hex));
    }

    public byte[] bytes() {
        return id.clone();
    }

    /** Lower-case hex, 32 characters. */
    public String hex() {
        return HexFormat.of().formatHex(id);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupId other && Arrays.equals(id, other.id);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(id);
    }

    @Override
    public String toString() {
        return "GroupId[" + hex().substring(0, 8) + "...]";
    }
}
