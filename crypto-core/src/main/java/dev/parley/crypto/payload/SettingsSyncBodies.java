package dev.parley.crypto.payload;

import dev.parley.crypto.exceptions.InvalidMessageException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@link SettingsSync} (issue #17, docs/protocol.md 1.7 and 1.18), for {@link PayloadCodec}:
 * <pre>
 * SETTINGS_SYNC = u8 n (1..64) || n * (u8 L || key (ASCII, L) || u16 M || value (UTF-8, M) || changedAt (i64))
 * </pre>
 * Keys distinct, each 1 to 64 characters of [a-z0-9_.]; values at most 256 bytes of well-formed UTF-8; changedAt
 * positive.
 */
final class SettingsSyncBodies {
    private SettingsSyncBodies() {
    }

    static byte[] encode(SettingsSync sync) {
        List<byte[]> keys = new ArrayList<>();
        List<byte[]> values = new ArrayList<>();
        int size = 1;
        for (SettingsSync.Entry entry : sync.entries()) {
            byte[] key = entry.key().getBytes(StandardCharsets.US_ASCII);
            byte[] value = entry.value().getBytes(StandardCharsets.UTF_8);
            keys.add(key);
            values.add(value);
            size += 1 + key.length + 2 + value.length + 8;
        }
        ByteBuffer out = ByteBuffer.allocate(size).put((byte) sync.entries().size());
        for (int i = 0; i < keys.size(); i++) {
            out.put((byte) keys.get(i).length).put(keys.get(i)).putShort((short) values.get(i).length)
                    .put(values.get(i)).putLong(sync.entries().get(i).changedAtMillis());
        }
        return out.array();
    }

    /** Out-of-range counts, keys, values or times are an {@link InvalidMessageException} (via the record's checks). */
    static Payload decode(ByteBuffer in) throws InvalidMessageException {
        int count = Byte.toUnsignedInt(in.get());
        List<SettingsSync.Entry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] key = new byte[Byte.toUnsignedInt(in.get())];
            in.get(key);
            int valueLength = Short.toUnsignedInt(in.getShort());
            if (valueLength > SettingsSync.MAX_VALUE_BYTES) {
                throw new InvalidMessageException("payload: setting value too long");
            }
            byte[] value = new byte[valueLength];
            in.get(value);
            entries.add(new SettingsSync.Entry(new String(key, StandardCharsets.US_ASCII), utf8(value), in.getLong()));
        }
        if (in.hasRemaining()) {
            throw new InvalidMessageException("payload: unexpected bytes after body");
        }
        return new SettingsSync(entries);
    }

    private static String utf8(byte[] bytes) throws InvalidMessageException {
        try {
            CharBuffer text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return text.toString();
        } catch (CharacterCodingException e) {
            throw new InvalidMessageException("payload: setting value is not UTF-8");
        }
    }
}
