package dev.parley.crypto.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.exceptions.InvalidMessageException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The account's device payloads of issue #17 (docs/protocol.md 1.7 and 1.18): SETTINGS_SYNC (49) = u8 n || n * (u8 L
 * || key || u16 M || value || changedAt i64): the documented bytes, a round trip with a key this version does not know,
 * and every malformed body refused as an invalid message; DEVICE_UNLINKED (50) = u32 device id (>= 1).
 */
class DeviceSyncPayloadCodecTest {

    @Test
    void aDeviceUnlinkedNoticeIsTheDeviceIdAlone() throws Exception {
        byte[] encoded = PayloadCodec.encode(new DeviceUnlinked(3));
        assertThat(encoded).containsExactly(1, 0, 50, 0, 0, 0, 4, 0, 0, 0, 3);
        assertThat(PayloadCodec.decode(encoded)).isEqualTo(new DeviceUnlinked(3));
        byte[] zero = encoded.clone();
        zero[10] = 0;
        assertThatThrownBy(() -> PayloadCodec.decode(zero)).isInstanceOf(InvalidMessageException.class);
        byte[] longer = ByteBuffer.allocate(12).put(encoded, 0, 3).putInt(5).putInt(3).put((byte) 0).array();
        assertThatThrownBy(() -> PayloadCodec.decode(longer)).isInstanceOf(InvalidMessageException.class);
    }

    @Test
    void aSettingsSyncHasTheDocumentedLayoutAndRoundTripsUnknownKeys() throws Exception {
        SettingsSync sync = new SettingsSync(List.of(new SettingsSync.Entry("read_receipts", "false", 0x0102L),
                new SettingsSync.Entry("from.a.newer.version", "caf\u00e9", 7L)));
        byte[] encoded = PayloadCodec.encode(sync);
        assertThat(Arrays.copyOfRange(encoded, 0, 3)).containsExactly(1, 0, 49);
        ByteBuffer expected = ByteBuffer.allocate(1 + (1 + 13 + 2 + 5 + 8) + (1 + 20 + 2 + 5 + 8)).put((byte) 2)
                .put((byte) 13).put("read_receipts".getBytes()).putShort((short) 5).put("false".getBytes())
                .putLong(0x0102L)
                .put((byte) 20).put("from.a.newer.version".getBytes()).putShort((short) 5)
                .put(new byte[] {'c', 'a', 'f', (byte) 0xc3, (byte) 0xa9}).putLong(7L);
        assertThat(Arrays.copyOfRange(encoded, 7, encoded.length)).isEqualTo(expected.array());
        assertThat(PayloadCodec.decode(encoded)).isEqualTo(sync);
    }

    @Test
    void malformedBodiesAreInvalidMessages() {
        assertThat(bad(body(0))).as("no entries").isTrue();
        assertThat(bad(entry("Read_Receipts", "true", 1))).as("not a key").isTrue();
        assertThat(bad(entry("read_receipts", "true", 0))).as("no change time").isTrue();
        assertThat(bad(entry("read_receipts", "true", -5))).as("negative change time").isTrue();
        assertThat(bad(concat(body(2), entryBytes("a", "1", 1), entryBytes("a", "2", 2)))).as("a key twice").isTrue();
        assertThat(bad(concat(body(1), new byte[] {1, 'a', 0, 2, (byte) 0xc3, 0x28, 0, 0, 0, 0, 0, 0, 0, 1})))
                .as("not UTF-8").isTrue();
        assertThat(bad(concat(body(1), new byte[] {1, 'a', 0x01, 0x01}, new byte[257 + 8]))).as("value too long")
                .isTrue();
        byte[] whole = entry("read_receipts", "true", 1);
        assertThat(bad(Arrays.copyOf(whole, whole.length - 1))).as("truncated").isTrue();
        assertThat(bad(concat(whole, new byte[] {0}))).as("bytes after the end").isTrue();
        assertThat(bad(entry("read_receipts", "true", 1))).isFalse();

        assertThatThrownBy(() -> new SettingsSync(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SettingsSync.Entry("k", "x".repeat(257), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean bad(byte[] body) {
        byte[] encoded = ByteBuffer.allocate(7 + body.length).put((byte) 1).putShort((short) 49).putInt(body.length)
                .put(body).array();
        try {
            PayloadCodec.decode(encoded);
            return false;
        } catch (InvalidMessageException e) {
            return true;
        } catch (Exception e) {
            throw new AssertionError("not an InvalidMessageException: " + e, e);
        }
    }

    private static byte[] body(int count) {
        return new byte[] {(byte) count};
    }

    private static byte[] entry(String key, String value, long changedAt) {
        return concat(body(1), entryBytes(key, value, changedAt));
    }

    private static byte[] entryBytes(String key, String value, long changedAt) {
        byte[] k = key.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] v = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + k.length + 2 + v.length + 8).put((byte) k.length).put(k)
                .putShort((short) v.length).put(v).putLong(changedAt).array();
    }

    private static byte[] concat(byte[]... parts) {
        int size = 0;
        for (byte[] p : parts) {
            size += p.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        for (byte[] p : parts) {
            out.put(p);
        }
        return out.array();
    }
}
