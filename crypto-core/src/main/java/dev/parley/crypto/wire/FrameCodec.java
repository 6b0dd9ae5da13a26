package dev.parley.crypto.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private static final Logger LOG = LoggerFactory.getLogger(FrameCodec.class);
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
        name("attachment_begin", Request.AttachmentBegin.class);
        name("attachment_put", Request.AttachmentPut.class);
        name("attachment_status", Request.AttachmentStatus.class);
        name("attachment_get", Request.AttachmentGet.class);
        name("ok", Response.Ok.class);
        name("error", Response.ErrorResponse.class);
        name("authenticated", Response.Authenticated.class);
        name("bundle", Response.Bundle.class);
        name("send_accepted", Response.SendAccepted.class);
        name("prekey_count", Response.PreKeyCount.class);
        name("attachment_created", Response.AttachmentCreated.class);
        name("attachment_progress", Response.AttachmentProgress.class);
        name("attachment_chunk", Response.AttachmentChunk.class);
        name("challenge", Push.Challenge.class);
        name("deliver", Push.Deliver.class);
        name("queue_empty", Push.QueueEmpty.class);
        name("prekeys_low", Push.PreKeysLow.class);
        name("ephemeral", Push.Ephemeral.class);
        name("lookup", Request.Lookup.class);
        name("lookup_result", Response.LookupResult.class);
        name("send_multi", Request.SendMulti.class);
        name("send_multi_result", Response.SendMultiResult.class);
        name("prekeys_replace", Request.ReplacePreKeys.class);
        name("device_authenticate", Request.DeviceAuthenticate.class);
        name("device_credential", Request.DeviceCredential.class);
        name("device_add", Request.DeviceAdd.class);
        name("device_added", Response.DeviceAdded.class);
        name("device_list", Request.DeviceList.class);
        name("device_list_result", Response.DeviceListResult.class);
        name("device_fetch_bundle", Request.DeviceFetchBundle.class);
        name("device_send", Request.DeviceSend.class);
        name("device_list_stale", Response.DeviceListStale.class);
        name("device_unlink", Request.DeviceUnlink.class);
        name("device_send_ephemeral", Request.DeviceSendEphemeral.class);
        name("device_rename", Request.DeviceRename.class);
        name("link_open", Request.LinkOpen.class);
        name("link_send", Request.LinkSend.class);
        name("link_message", Push.LinkMessage.class);
        name("device_link_left", Push.LinkLeft.class);
        name("attachment_begin_shared", Request.AttachmentBeginShared.class);
        name("attachment_get_shared", Request.AttachmentGetShared.class);
        name("bulk_upload_ticket", Request.BulkUploadTicket.class);
        name("bulk_download_ticket", Request.BulkDownloadTicket.class);
        name("bulk_ticket", Response.BulkTicket.class);
    }

    private static final FrameCodec CBOR = new FrameCodec(FrameMappers.configure(CBORMapper.builder(),
            JsonToken.VALUE_EMBEDDED_OBJECT));
    private static final FrameCodec JSON = new FrameCodec(FrameMappers.configure(JsonMapper.builder(),
            JsonToken.VALUE_STRING));

    /**
     * Largest WebSocket message that carries more than one frame. A sender may coalesce frames that are ready at the
     * same moment into one message up to this size; a single frame larger than this travels alone (up to the relay's
     * frame limit, which is never smaller than this).
     */
    public static final int MAX_COALESCED_BYTES = 16 * 1024;

    /**
     * Largest {@code send_multi} frame every relay accepts (alone in its WebSocket message), above the relay's frame
     * limit for other frames: 1,000 recipients with ~100-byte sealed headers and 16-byte client message ids take
     * about 150-190 KiB, leaving the rest for the shared body (docs/protocol.md, "Multi-recipient send").
     */
    public static final int MAX_SEND_MULTI_BYTES = 512 * 1024;

    private final ObjectMapper mapper;

    /** Reads one value of a sequence: everything {@link #mapper} checks, except that more values may follow. */
    private final ObjectReader sequenceReader;

    /** Per frame type, the strict reader of a body in the middle of a stream. */
    private final Map<Class<? extends Frame>, ObjectReader> bodyReaders = new HashMap<>();

    private FrameCodec(ObjectMapper mapper) {
        this.mapper = mapper;
        this.sequenceReader = mapper.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        for (Class<? extends Frame> type : NAMES_BY_TYPE.keySet()) {
            bodyReaders.put(type, mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));
        }
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
     * Decodes one envelope: {@code bytes} must hold exactly one frame.
     *
     * @throws FrameDecodeException with the code to answer: MALFORMED_FRAME, UNSUPPORTED_VERSION, UNKNOWN_TYPE or
     *                              INVALID_FIELD (with the request id when the header was readable)
     */
    public Envelope decode(byte[] bytes) throws FrameDecodeException {
        if (bytes == null || bytes.length == 0) {
            throw new FrameDecodeException(ErrorCode.MALFORMED_FRAME, 0, "empty frame", null);
        }
        try (JsonParser parser = mapper.createParser(bytes)) {
            if (parser.nextToken() != null) {
                Envelope fast = readCanonical(parser);
                if (fast != null && parser.nextToken() == null) {
                    return fast;
                }
            }
        } catch (IOException e) {
            // Not canonical or not well-formed: the tree decoder below finds the precise error.
        }
        return decodeStrict(bytes);
    }

    /**
     * Decodes a WebSocket message that carries one or more frames back to back (a CBOR sequence, RFC 8742; in the
     * JSON form, values separated by optional whitespace) and hands each envelope to {@code handler} in order, as
     * soon as it is decoded. Each frame is decoded as strictly as by {@link #decode(byte[])}.
     *
     * <p>Decoding stops at the first frame that cannot be decoded: the frames before it have already been handled,
     * and the rest of the message cannot be resynchronised, so it is dropped.
     *
     * @throws FrameDecodeException for the first bad frame (or an empty message), as for {@link #decode(byte[])}
     */
    public void decodeAll(byte[] message, Consumer<Envelope> handler) throws FrameDecodeException {
        if (message == null || message.length == 0) {
            throw new FrameDecodeException(ErrorCode.MALFORMED_FRAME, 0, "empty frame", null);
        }
        JsonParser parser = null;
        try {
            parser = mapper.createParser(message);
            while (true) {
                Envelope envelope = null;
                long start = -1;
                try {
                    if (parser.nextToken() == null) {
                        return;
                    }
                    start = parser.currentTokenLocation().getByteOffset();
                    envelope = readCanonical(parser);
                } catch (IOException e) {
                    if (start < 0) {
                        throw new FrameDecodeException(ErrorCode.MALFORMED_FRAME, 0, "not a well-formed frame", e);
                    }
                }
                if (envelope == null) {
                    // Not canonical (or bad): decode this frame from its first byte with the strict tree decoder,
                    // which finds the precise error, and go on with a parser positioned after it.
                    parser.close();
                    parser = parserFrom(message, start);
                    envelope = readTreeFrame(parser);
                }
                handler.accept(envelope);
            }
        } catch (IOException e) {
            throw new FrameDecodeException(ErrorCode.MALFORMED_FRAME, 0, "not a well-formed frame", e);
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException e) {
                    LOG.debug("Closing an in-memory parser failed: {}", e.toString());
                }
            }
        }
    }

    /**
     * The reference decoder alone, without the fast path: what {@link #decode(byte[])} must agree with on every
     * input. For tests (the fuzz targets compare both).
     */
    Envelope decodeStrict(byte[] bytes) throws FrameDecodeException {
        if (bytes == null || bytes.length == 0) {
            throw new FrameDecodeException(ErrorCode.MALFORMED_FRAME, 0, "empty frame", null);
        }
        JsonNode root;
        try {
            root = mapper.readTree(bytes);
        } catch (IOException e) {
            throw new FrameDecodeException(ErrorCode.MALFORMED_FRAME, 0, "not a well-formed frame", e);
        }
        return TreeFrameDecoder.toEnvelope(mapper, root, TYPES_BY_NAME::get);
    }

    private JsonParser parserFrom(byte[] message, long start) throws FrameDecodeException {
        if (start < 0 || start >= message.length) {
            throw new FrameDecodeException(ErrorCode.MALFORMED_FRAME, 0, "not a well-formed frame", null);
        }
        try {
            return mapper.createParser(message, (int) start, message.length - (int) start);
        } catch (IOException e) {
            throw new FrameDecodeException(ErrorCode.MALFORMED_FRAME, 0, "not a well-formed frame", e);
        }
    }

    private Envelope readTreeFrame(JsonParser parser) throws FrameDecodeException {
        JsonNode root;
        try {
            if (parser.nextToken() == null) {
                throw new FrameDecodeException(ErrorCode.MALFORMED_FRAME, 0, "not a well-formed frame", null);
            }
            root = sequenceReader.readTree(parser);
        } catch (IOException e) {
            throw new FrameDecodeException(ErrorCode.MALFORMED_FRAME, 0, "not a well-formed frame", e);
        }
        return TreeFrameDecoder.toEnvelope(mapper, root, TYPES_BY_NAME::get);
    }

    /**
     * The fast path: reads one envelope straight from the parser (positioned on its first token) when it is in the
     * canonical form this codec writes: keys {@code v, id, type, body} exactly once, the body last, every header
     * value valid and the body accepted by the same strict deserializer. Returns null (or throws) for anything else,
     * and the caller falls back to the tree decoder, which is the reference for every error.
     */
    private Envelope readCanonical(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return null;
        }
        int version = -1;
        long requestId = -1;
        Class<? extends Frame> type = null;
        Frame body = null;
        int fields = 0;
        JsonToken token;
        while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            fields++;
            if (body != null) {
                return null;
            }
            switch (name) {
                case "v":
                    if (value != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT
                            || p.getIntValue() != Envelope.CURRENT_VERSION) {
                        return null;
                    }
                    version = Envelope.CURRENT_VERSION;
                    break;
                case "id":
                    if (value != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                            || p.getLongValue() < 0) {
                        return null;
                    }
                    requestId = p.getLongValue();
                    break;
                case "type":
                    if (value != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    type = TYPES_BY_NAME.get(p.getText());
                    if (type == null) {
                        return null;
                    }
                    break;
                case "body":
                    if (value != JsonToken.START_OBJECT || type == null || version < 0 || requestId < 0) {
                        return null;
                    }
                    body = bodyReaders.get(type).readValue(p);
                    break;
                default:
                    return null;
            }
        }
        if (token != JsonToken.END_OBJECT || fields != 4 || body == null) {
            return null;
        }
        return new Envelope(Envelope.CURRENT_VERSION, requestId, body);
    }

    /**
     * Encodes several envelopes into one WebSocket message (the concatenation of their encodings), for senders that
     * coalesce frames; see {@link FrameBatcher} and {@link #MAX_COALESCED_BYTES}.
     */
    public byte[] encodeAll(List<Envelope> envelopes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 * envelopes.size());
        for (Envelope envelope : envelopes) {
            out.writeBytes(encode(envelope));
        }
        return out.toByteArray();
    }

    private static void name(String name, Class<? extends Frame> type) {
        TYPES_BY_NAME.put(name, type);
        NAMES_BY_TYPE.put(type, name);
    }
}
