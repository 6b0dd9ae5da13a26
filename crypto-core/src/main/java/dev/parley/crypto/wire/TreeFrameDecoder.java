package dev.parley.crypto.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.function.Function;

/**
 * {@link FrameCodec}'s reference decoder: an envelope read from a parsed tree, every error named precisely. The
 * codec's fast path must agree with it on every input (FrameCodecFuzzTest).
 */
final class TreeFrameDecoder {
    private TreeFrameDecoder() {
    }

    /**
     * The envelope {@code root} holds, checked field by field; every error carries its stable {@link ErrorCode} and,
     * once readable, the request id.
     */
    static Envelope toEnvelope(ObjectMapper mapper, JsonNode root, Function<String, Class<? extends Frame>> types)
            throws FrameDecodeException {
        if (root == null || !root.isObject()) {
            throw new FrameDecodeException(ErrorCode.MALFORMED_FRAME, 0, "frame is not a map", null);
        }
        JsonNode idNode = root.get("id");
        if (idNode == null || !idNode.isIntegralNumber() || !idNode.canConvertToLong() || idNode.asLong() < 0) {
            throw new FrameDecodeException(ErrorCode.MALFORMED_FRAME, 0, "missing or invalid request id", null);
        }
        long requestId = idNode.asLong();
        JsonNode versionNode = root.get("v");
        if (versionNode == null || !versionNode.isIntegralNumber()) {
            throw new FrameDecodeException(ErrorCode.MALFORMED_FRAME, requestId, "missing or invalid version", null);
        }
        if (!versionNode.canConvertToInt() || versionNode.asInt() != Envelope.CURRENT_VERSION) {
            throw new FrameDecodeException(ErrorCode.UNSUPPORTED_VERSION, requestId,
                    versionNode.canConvertToInt() && versionNode.asInt() < Envelope.CURRENT_VERSION
                            ? "this relay needs Parley 0.2 or later"
                            : "protocol version " + versionNode.asText() + " is not supported; this peer speaks "
                                    + Envelope.CURRENT_VERSION, null);
        }
        JsonNode typeNode = root.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw new FrameDecodeException(ErrorCode.MALFORMED_FRAME, requestId, "missing frame type", null);
        }
        Class<? extends Frame> type = types.apply(typeNode.asText());
        if (type == null) {
            throw new FrameDecodeException(ErrorCode.UNKNOWN_TYPE, requestId, "unknown frame type", null);
        }
        JsonNode body = root.get("body");
        if (body == null || !body.isObject() || root.size() != 4) {
            throw new FrameDecodeException(ErrorCode.MALFORMED_FRAME, requestId,
                    "envelope must have exactly v, id, type and a body map", null);
        }
        try {
            return new Envelope(Envelope.CURRENT_VERSION, requestId, mapper.treeToValue(body, type));
        } catch (ValueInstantiationException e) {
            throw new FrameDecodeException(ErrorCode.INVALID_FIELD, requestId,
                    "invalid " + typeNode.asText() + ": " + rootMessage(e), e);
        } catch (MismatchedInputException e) {
            throw new FrameDecodeException(ErrorCode.INVALID_FIELD, requestId,
                    "invalid " + typeNode.asText() + " field " + fieldPath(e), e);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new FrameDecodeException(ErrorCode.INVALID_FIELD, requestId, "invalid " + typeNode.asText(), e);
        }
    }

    private static String rootMessage(ValueInstantiationException e) {
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException) {
            return cause.getMessage();
        }
        return "value rejected";
    }

    private static String fieldPath(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "(body)" : path.toString();
    }
}
