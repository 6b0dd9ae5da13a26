package dev.parley.crypto.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.parley.crypto.prekey.KemPreKeyPublic;
import dev.parley.crypto.prekey.OneTimePreKeyPublic;
import dev.parley.crypto.prekey.PreKeyBundle;
import dev.parley.crypto.prekey.SignedPreKeyPublic;
import java.io.IOException;
import java.util.Optional;

/**
 * The Jackson mappers behind {@link FrameCodec}: strict about types (a byte array only from its one wire token, a
 * string only from a text string, no coercion, no unknown or missing fields) and the wire shape of a prekey bundle.
 */
final class FrameMappers {
    private FrameMappers() {
    }

    /**
     * @param bytesToken the only token a byte array is read from: a CBOR byte string, or a base64 string in JSON
     */
    static <M extends ObjectMapper, B extends MapperBuilder<M, B>> M configure(B builder, JsonToken bytesToken) {
        SimpleModule prekeys = new SimpleModule("parley-prekeys");
        prekeys.addSerializer(PreKeyBundle.class, new BundleSerializer());
        prekeys.addDeserializer(PreKeyBundle.class, new BundleDeserializer());
        // Jackson's defaults read a byte array from a text string (as base64) or an array of numbers, and a string
        // from a byte string (as its base64): the wire has exactly one type per field.
        prekeys.addDeserializer(byte[].class, new StrictBytesDeserializer(bytesToken));
        prekeys.addDeserializer(String.class, new StrictStringDeserializer());
        return builder
                .addModule(prekeys)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
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

    /** Reads a byte array only from its one wire token (never from a number array, nor a text string in CBOR). */
    private static final class StrictBytesDeserializer extends JsonDeserializer<byte[]> {
        private final JsonToken token;

        StrictBytesDeserializer(JsonToken token) {
            this.token = token;
        }

        @Override
        public byte[] deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != token) {
                throw MismatchedInputException.from(p, byte[].class, "a byte string is expected");
            }
            if (token == JsonToken.VALUE_EMBEDDED_OBJECT && !(p.getEmbeddedObject() instanceof byte[])) {
                throw MismatchedInputException.from(p, byte[].class, "a byte string is expected");
            }
            if (token == JsonToken.VALUE_STRING) {
                // The JSON form reads the whole string token (so the parser checks it as JSON text, control characters
                // included) before base64-decoding it: Jackson's streaming base64 reader stops at the padding, which
                // let the fast path accept a frame the tree decoder refuses (FrameCodecFuzzTest, input
                // crash-nul-bytes-after-base64-padding).
                try {
                    return ctxt.getBase64Variant().decode(p.getText());
                } catch (IllegalArgumentException e) {
                    throw MismatchedInputException.from(p, byte[].class, "a base64 string is expected");
                }
            }
            return p.getBinaryValue();
        }
    }

    /** Reads a string only from a text string (never from a byte string, a number or a boolean). */
    private static final class StrictStringDeserializer extends JsonDeserializer<String> {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw MismatchedInputException.from(p, String.class, "a text string is expected");
            }
            return p.getText();
        }
    }

    /** The wire shape of a {@link PreKeyBundle}: the one-time prekey is null when none was left. */
    record BundleWire(byte[] identityKey, SignedPreKeyPublic signedPreKey, OneTimePreKeyPublic oneTimePreKey,
                      KemPreKeyPublic kemPreKey) {
    }

    private static final class BundleSerializer extends JsonSerializer<PreKeyBundle> {
        @Override
        public void serialize(PreKeyBundle value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            serializers.defaultSerializeValue(new BundleWire(value.identityKey(), value.signedPreKey(),
                    value.oneTimePreKey().orElse(null), value.kemPreKey()), gen);
        }
    }

    private static final class BundleDeserializer extends JsonDeserializer<PreKeyBundle> {
        @Override
        public PreKeyBundle deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            BundleWire wire = ctxt.readValue(p, BundleWire.class);
            if (wire.identityKey() == null || wire.signedPreKey() == null || wire.kemPreKey() == null) {
                throw MismatchedInputException.from(p, PreKeyBundle.class,
                        "bundle: identityKey, signedPreKey and kemPreKey required");
            }
            try {
                return new PreKeyBundle(wire.identityKey(), wire.signedPreKey(), Optional.ofNullable(wire.oneTimePreKey()),
                        wire.kemPreKey());
            } catch (IllegalArgumentException e) {
                throw MismatchedInputException.from(p, PreKeyBundle.class, "bundle: " + e.getMessage());
            }
        }
    }
}
