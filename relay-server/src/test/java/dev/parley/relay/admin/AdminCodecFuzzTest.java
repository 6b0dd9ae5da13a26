package dev.parley.relay.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the admin channel codec: the relay decodes requests from any local process that can
 * open the admin socket, and the CLI decodes the relay's responses. Regression pass in {@code mvn verify}; long run
 * in docs/testing.md.
 *
 * <p>Properties: only {@link AdminProtocolException} escapes, and its message never echoes the input; an accepted
 * message re-encodes to a canonical form that decodes to an equal value.
 */
class AdminCodecFuzzTest {

    @FuzzTest
    void decodeRequest(byte[] input) throws AdminProtocolException {
        AdminRequest request;
        try {
            request = AdminCodec.decodeRequest(input);
        } catch (AdminProtocolException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return;
        }
        byte[] canonical = AdminCodec.encode(request);
        assertThat(AdminCodec.decodeRequest(canonical)).isEqualTo(request);
    }

    @FuzzTest
    void decodeResponse(byte[] input) throws AdminProtocolException {
        AdminResponse response;
        try {
            response = AdminCodec.decodeResponse(input);
        } catch (AdminProtocolException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return;
        }
        byte[] canonical = AdminCodec.encode(response);
        assertThat(AdminCodec.decodeResponse(canonical)).isEqualTo(response);
    }
}
