package dev.parley.relay.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * The admin channel's only codec: {@link AdminRequest}s and {@link AdminResponse}s as UTF-8 JSON. Unknown fields,
 * unknown {@code op}/{@code kind} values, trailing data and out-of-range values are rejected with
 * {@link AdminProtocolException}, whose message never echoes the input.
 */
public final class AdminCodec {
    /** Largest accepted request, in bytes. */
    public static final int MAX_REQUEST_BYTES = 4096;
    /** Largest accepted response, in bytes (an invite list can be long). */
    public static final int MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .build();

    private AdminCodec() {
    }

    public static byte[] encode(AdminRequest request) {
        return write(request);
    }

    public static byte[] encode(AdminResponse response) {
        return write(response);
    }

    /** @throws AdminProtocolException when the bytes are too many or not a valid request */
    public static AdminRequest decodeRequest(byte[] bytes) throws AdminProtocolException {
        if (bytes.length > MAX_REQUEST_BYTES) {
            throw new AdminProtocolException("admin request larger than " + MAX_REQUEST_BYTES + " bytes");
        }
        return read(bytes, AdminRequest.class, "request");
    }

    /** @throws AdminProtocolException when the bytes are too many or not a valid response */
    public static AdminResponse decodeResponse(byte[] bytes) throws AdminProtocolException {
        if (bytes.length > MAX_RESPONSE_BYTES) {
            throw new AdminProtocolException("admin response larger than " + MAX_RESPONSE_BYTES + " bytes");
        }
        return read(bytes, AdminResponse.class, "response");
    }

    private static <T> T read(byte[] bytes, Class<T> type, String what) throws AdminProtocolException {
        try {
            T value = MAPPER.readValue(bytes, type);
            if (value == null) {
                throw new AdminProtocolException("malformed admin " + what + ": empty");
            }
            return value;
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause();
            String reason = cause instanceof IllegalArgumentException ? cause.getMessage() : "not a valid " + what;
            throw new AdminProtocolException("malformed admin " + what + ": " + reason);
        } catch (IOException e) {
            throw new AdminProtocolException("malformed admin " + what + ": unreadable", e);
        }
    }

    private static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("admin message could not be encoded", e);
        }
    }
}
