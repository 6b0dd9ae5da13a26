package dev.parley.crypto.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.exceptions.InvalidMessageException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Issue #14: the PROFILE payload (type 24), its exact bytes and its limits. */
class ProfilePayloadCodecTest {

    @Test
    void aProfileHasThisExactEncodingAndRoundTrips() throws Exception {
        Payload.Profile profile = new Payload.Profile(3, "Zoë", "hi", new byte[] {(byte) 0x89, 'P'});
        byte[] encoded = PayloadCodec.encode(profile);
        assertThat(HexFormat.of().formatHex(encoded)).isEqualTo(
                "01" + "0018" + "00000013"                     // version 1, type 24, body 19 bytes
                + "0000000000000003" + "04" + "5a6fc3ab"        // version 3, name "Zoë" (4 UTF-8 bytes)
                + "0002" + "6869"                               // about "hi"
                + "8950");                                      // avatar bytes (rest)
        assertThat(PayloadCodec.decode(encoded)).isEqualTo(profile);
        assertThat(PayloadCodec.decode(PayloadCodec.encode(new Payload.Profile(1, "", "", new byte[0]))))
                .isEqualTo(new Payload.Profile(1, "", "", new byte[0]));
        assertThat(profile.toString()).doesNotContain("Zo");
    }

    @Test
    void theSenderCannotBuildAnOversizedProfile() {
        assertThatThrownBy(() -> new Payload.Profile(1, "x".repeat(256), "", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Payload.Profile(1, "", "x".repeat(1025), new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Payload.Profile(1, "", "", new byte[Payload.Profile.MAX_AVATAR_BYTES + 1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Payload.Profile(0, "", "", new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReceiverRefusesOversizedOrMalformedProfilesAsTypedErrors() {
        assertThatThrownBy(() -> PayloadCodec.decode(profileBytes(1, new byte[0], new byte[2000], new byte[0])))
                .isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> PayloadCodec.decode(profileBytes(1, new byte[0], new byte[0],
                new byte[Payload.Profile.MAX_AVATAR_BYTES + 1]))).isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> PayloadCodec.decode(profileBytes(-5, new byte[0], new byte[0], new byte[0])))
                .isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> PayloadCodec.decode(profileBytes(1, new byte[] {(byte) 0xC3}, new byte[0], new byte[0])))
                .as("not UTF-8").isInstanceOf(InvalidMessageException.class);
        byte[] truncated = profileBytes(1, "abc".getBytes(StandardCharsets.UTF_8), new byte[0], new byte[0]);
        truncated[PayloadCodec.HEADER_BYTES + 8] = 10; // claims a 10-byte name
        assertThatThrownBy(() -> PayloadCodec.decode(truncated)).isInstanceOf(InvalidMessageException.class);
    }

    private static byte[] profileBytes(long version, byte[] name, byte[] about, byte[] avatar) {
        int body = 8 + 1 + name.length + 2 + about.length + avatar.length;
        return ByteBuffer.allocate(PayloadCodec.HEADER_BYTES + body).put(PayloadCodec.VERSION)
                .putShort((short) PayloadType.PROFILE.code()).putInt(body).putLong(version).put((byte) name.length)
                .put(name).putShort((short) about.length).put(about).put(avatar).array();
    }
}
