package dev.parley.crypto.group;

import dev.parley.crypto.exceptions.InvalidMessageException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sender keys one member holds for one (group, sender): newest first, at most {@link #MAX_STATES}, so messages
 * still in flight under a sender's previous key (sent before a re-key) can be read. Immutable.
 */
public final class SenderKeyRecord {
    public static final int MAX_STATES = 5;
    private static final byte FORMAT = 1;

    private final List<SenderKeyState> states;

    private SenderKeyRecord(List<SenderKeyState> states) {
        this.states = List.copyOf(states);
    }

    public static SenderKeyRecord empty() {
        return new SenderKeyRecord(List.of());
    }

    public boolean isEmpty() {
        return states.isEmpty();
    }

    /** The newest state (the one the owner sends with). */
    public Optional<SenderKeyState> current() {
        return states.isEmpty() ? Optional.empty() : Optional.of(states.get(0));
    }

    public Optional<SenderKeyState> byKeyId(int keyId) {
        return states.stream().filter(s -> s.keyId() == keyId).findFirst();
    }

    public List<SenderKeyState> states() {
        return states;
    }

    /**
     * This record with {@code state} as the newest (replacing a state of the same key id, wherever it was). A
     * distribution for a key id already held does not rewind it: the caller keeps the held state then.
     */
    public SenderKeyRecord withNewest(SenderKeyState state) {
        List<SenderKeyState> next = new ArrayList<>();
        next.add(state);
        for (SenderKeyState s : states) {
            if (s.keyId() != state.keyId() && next.size() < MAX_STATES) {
                next.add(s);
            }
        }
        return new SenderKeyRecord(next);
    }

    /** This record with {@code state} replacing the state of the same key id in place. */
    SenderKeyRecord withUpdated(SenderKeyState state) {
        List<SenderKeyState> next = new ArrayList<>(states.size());
        for (SenderKeyState s : states) {
            next.add(s.keyId() == state.keyId() ? state : s);
        }
        return new SenderKeyRecord(next);
    }

    public byte[] serialize() {
        List<byte[]> parts = states.stream().map(SenderKeyState::serialize).toList();
        int size = 2 + parts.stream().mapToInt(p -> 4 + p.length).sum();
        ByteBuffer out = ByteBuffer.allocate(size).put(FORMAT).put((byte) parts.size());
        parts.forEach(p -> out.putInt(p.length).put(p));
        return out.array();
    }

    public static SenderKeyRecord deserialize(byte[] bytes) throws InvalidMessageException {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            if (in.get() != FORMAT) {
                throw new InvalidMessageException("sender key record: unknown format");
            }
            int count = Byte.toUnsignedInt(in.get());
            if (count > MAX_STATES) {
                throw new InvalidMessageException("sender key record: too many states");
            }
            List<SenderKeyState> states = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int length = in.getInt();
                ByteBuffer part = in.slice(in.position(), length);
                in.position(in.position() + length);
                SenderKeyState state = SenderKeyState.read(part);
                if (part.hasRemaining()) {
                    throw new InvalidMessageException("sender key record: corrupt");
                }
                states.add(state);
            }
            if (in.hasRemaining()) {
                throw new InvalidMessageException("sender key record: trailing bytes");
            }
            return new SenderKeyRecord(states);
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new InvalidMessageException("sender key record: corrupt");
        }
    }

    @Override
    public String toString() {
        return "SenderKeyRecord[" + states.size() + " states, keys hidden]";
    }
}
