package dev.parley.desktop.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.parley.crypto.primitives.Argon2Params;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * JSON form of {@link ProfileHeader}. The JSON shape is a separate DTO ({@link Json}) so that the live value keeps its
 * invariants; parsing is strict (unknown or missing fields, trailing data, wrong types and oversized files are
 * refused).
 */
final class ProfileHeaderCodec {
    static final int MAX_BYTES = 16 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** The file format. Field names are stable: they are the on-disk format. */
    record Json(int format, String kdf, int memoryKiB, int iterations, int parallelism, String salt, String keyCheck,
                String database) {
    }

    private ProfileHeaderCodec() {
    }

    static byte[] encode(ProfileHeader h) {
        Base64.Encoder b64 = Base64.getEncoder();
        Json json = new Json(h.format(), ProfileHeader.KDF_ARGON2ID, h.argon2().memoryKiB(), h.argon2().iterations(),
                h.argon2().parallelism(), b64.encodeToString(h.salt()), b64.encodeToString(h.keyCheck()),
                h.database());
        try {
            return MAPPER.writeValueAsString(json).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("profile header could not be written as JSON", e);
        }
    }

    /** @throws CorruptDatabaseException for anything that is not a valid version-1 header */
    static ProfileHeader decode(byte[] bytes) throws CorruptDatabaseException {
        if (bytes.length > MAX_BYTES) {
            throw new CorruptDatabaseException("the profile header is too large");
        }
        Json json;
        try {
            json = MAPPER.readValue(bytes, Json.class);
        } catch (java.io.IOException e) {
            throw new CorruptDatabaseException("the profile header is not valid JSON of the expected shape", e);
        }
        if (json == null) {
            throw new CorruptDatabaseException("the profile header is empty");
        }
        if (json.format() != ProfileHeader.FORMAT_V1) {
            throw new CorruptDatabaseException("unsupported profile header format " + json.format());
        }
        if (!ProfileHeader.KDF_ARGON2ID.equals(json.kdf())) {
            throw new CorruptDatabaseException("unsupported key derivation in the profile header");
        }
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            return new ProfileHeader(json.format(),
                    new Argon2Params(json.memoryKiB(), json.iterations(), json.parallelism()),
                    b64.decode(required(json.salt())), b64.decode(required(json.keyCheck())), json.database());
        } catch (IllegalArgumentException e) {
            throw new CorruptDatabaseException("the profile header has invalid values", e);
        }
    }

    private static String required(String value) {
        if (value == null) {
            throw new IllegalArgumentException("missing field");
        }
        return value;
    }
}
