package dev.parley.desktop.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the profile header ({@code profile.json}), read before the passphrase is even checked
 * from a file anyone with access to the disk can change. Regression pass in {@code mvn verify}; long run in
 * docs/testing.md.
 *
 * <p>Properties: only {@link CorruptDatabaseException} escapes; an accepted header re-encodes to a header that decodes
 * to the same value, and that encoding is stable.
 */
class ProfileHeaderCodecFuzzTest {

    @FuzzTest
    void decode(byte[] input) throws CorruptDatabaseException {
        ProfileHeader header;
        try {
            header = ProfileHeaderCodec.decode(input);
        } catch (CorruptDatabaseException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return;
        }
        byte[] canonical = ProfileHeaderCodec.encode(header);
        ProfileHeader again = ProfileHeaderCodec.decode(canonical);
        assertThat(again).isEqualTo(header);
        assertThat(ProfileHeaderCodec.encode(again)).isEqualTo(canonical);
    }
}
