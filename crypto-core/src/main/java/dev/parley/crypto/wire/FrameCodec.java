package dev.parley.crypto.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import dev.parley.crypto.prekey.OneTimePreKeyPublic;
import dev.parley.crypto.prekey.PreKeyBundle;
import dev.parley.crypto.prekey.SignedPreKeyPublic;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one codec for relay frames. An encoded envelope is a map {@code {"v": int, "id": int, "type": string,
 * "body": map}} whose body holds the record's components by name; byte arrays are CBOR byte strings (or base64
 * strings in the JSON form). The relay and the client use {@link #cbor()} on the wire (binary WebSocket messages);
 * {@link #json()} encodes exactly the same structure and exists for documentation, debugging and the benchmark.
 *
 * <p>Decoding is strict: unknown or missing fields, wrong types, coerced scalars, trailing bytes, unknown types and
 * unknown versions are all refused with a {@link FrameDecodeException} carrying a stable {@link ErrorCode}.
 * Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * FrameCodec codec = FrameCodec.cbor();
 * byte[] bytes = codec.encode(Envelope.of(7, new Request.FetchBundle("bob")));
 * Envelope back = codec.decode(bytes);   // throws FrameDecodeException on bad input
 * }</pre>
 */
public final class FrameCodec {
    private static final Map<String, Class<? extends Frame>> TYPES_BY_NAME = new HashMap<>();
    private static final Map<Class<? extends Frame>, String> NAMES_BY_TYPE = new HashMap<>();

    static {
        name("register", Request.Register.class);
        name("authenticate", Request.Authenticate.class);
        name("fetch_bundle", Request.FetchBundle.class);
        name("upload_prekeys", Request.UploadPreKeys.class);
        name("send", Request.Send.class);
        name("send_ephemeral", Request.SendEphemeral.class);
        name("ack", Request.Ack.class);
        name("ok", Response.Ok.class);
        name("error", Response.ErrorResponse.class);
        name("authenticated", Response.Authenticated.class);
        name("bundle", Response.Bundle.class);
        name("send_accepted", Response.SendAccepted.class);
        name("prekey_count", Response.PreKeyCount.class);
        name("challenge", Push.Challenge.class);
        name("deliver", Push.Deliver.class);
        name("queue_empty", Push.QueueEmpty.class);
        name("prekeys_low", Push.PreKeysLow.class);
        name("ephemeral", Push.Ephemeral.class);
    }

    private static final FrameCodec CBOR = new FrameCodec(configure(CBORMapper.builder()));
    private static final FrameCodec JSON = new FrameCodec(configure(JsonMapper.builder()));

    private final ObjectMapper mapper;

    private FrameCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The wire codec: CBOR, sent as binary WebSocket messages. */
    public static FrameCodec cbor() {
        return CBOR;
    }

    /** The same structure as JSON text (UTF-8 bytes); byte arrays as padded base64. */
    public static FrameCodec json() {
        return JSON;
    }

    /** The wire name of a frame type, as used in the {@code type} field and in docs/protocol.md. */
    public static String typeName(Class<? extends Frame> type) {
        String name = NAMES_BY_TYPE.get(type);
        if (name == null) {
            throw new IllegalArgumentException("not a frame type: " + type.getName());
        }
        return name;
    }

    public byte[] encode(Envelope envelope) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator gen = mapper.createGenerator(out)) {
            gen.writeStartObject();
            gen.writeNumberField("v", envelope.version());
            gen.writeNumberField("id", envelope.requestId());
            gen.writeStringField("type", typeName(envelope.frame().getClass()));
            gen.writeFieldName("body");
            mapper.writeValue(gen, envelope.frame());
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("frame encoding failed", e);
        }
        return out.toByteArray();
    }

    /**
     * Decodes one envelope.
     *
     * @throws FrameDecodeException with the code to answer: MALFORMED_FRAME, UNSUPPORTED_VERSION, UNKNOWN_TYPE or
     *                              INVALID_FIELD (with the request id when the header was readable)
     */
    public Envelope decode(byte[] bytes) throws FrameDecodeException {
        if (bytes == null || bytes.length == 0) {
            throw new FrameDecodeException(ErrorCode.MALFORMED_FRAME, 0, "empty frame", null);
        }
        JsonNode root;
        try {
            root = mapper.readTree(bytes);
        } catch (IOException e) {
            throw new FrameDecodeException(ErrorCode.MALFORMED_FRAME, 0, "not a well-formed frame", e);
        }
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
                    "protocol version " + versionNode.asText() + " is not supported; this relay speaks "
                            + Envelope.CURRENT_VERSION, null);
        }
        JsonNode typeNode = root.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw new FrameDecodeException(ErrorCode.MALFORMED_FRAME, requestId, "missing frame type", null);
        }
        Class<? extends Frame> type = TYPES_BY_NAME.get(typeNode.asText());
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

    private static void name(String name, Class<? extends Frame> type) {
        TYPES_BY_NAME.put(name, type);
        NAMES_BY_TYPE.put(type, name);
    }

    private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> M configure(B builder) {
        SimpleModule prekeys = new SimpleModule("parley-prekeys");
        prekeys.addSerializer(PreKeyBundle.class, new BundleSerializer());
        prekeys.addDeserializer(PreKeyBundle.class, new BundleDeserializer());
        return builder
                .addModule(prekeys)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
    }

    /** The wire shape of a {@link PreKeyBundle}: the one-time prekey is null when none was left. */
    record BundleWire(byte[] identityKey, SignedPreKeyPublic signedPreKey, OneTimePreKeyPublic oneTimePreKey) {
    }

    private static final class BundleSerializer extends JsonSerializer<PreKeyBundle> {
        @Override
        public void serialize(PreKeyBundle value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            serializers.defaultSerializeValue(new BundleWire(value.identityKey(), value.signedPreKey(),
                    value.oneTimePreKey().orElse(null)), gen);
        }
    }

    private static final class BundleDeserializer extends JsonDeserializer<PreKeyBundle> {
        @Override
        public PreKeyBundle deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            BundleWire wire = ctxt.readValue(p, BundleWire.class);
            if (wire.identityKey() == null || wire.signedPreKey() == null) {
                throw MismatchedInputException.from(p, PreKeyBundle.class, "bundle: identityKey and signedPreKey required");
            }
            try {
                return new PreKeyBundle(wire.identityKey(), wire.signedPreKey(), Optional.ofNullable(wire.oneTimePreKey()));
            } catch (IllegalArgumentException e) {
                throw MismatchedInputException.from(p, PreKeyBundle.class, "bundle: " + e.getMessage());
            }
        }
    }
}
