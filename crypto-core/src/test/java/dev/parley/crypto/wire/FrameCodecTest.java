package dev.parley.crypto.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.prekey.KemPreKeyPublic;
import dev.parley.crypto.prekey.OneTimePreKeyPublic;
import dev.parley.crypto.prekey.PreKeyBundle;
import dev.parley.crypto.prekey.SignedPreKeyPublic;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FrameCodecTest {
    private static final SignedPreKeyPublic SPK = new SignedPreKeyPublic(7, filled(32, 1), filled(64, 2));
    private static final OneTimePreKeyPublic OPK = new OneTimePreKeyPublic(9, filled(32, 3));
    private static final KemPreKeyPublic KEM = new KemPreKeyPublic(11, filled(1568, 13), filled(64, 14));

    static Stream<Arguments> codecs() {
        return Stream.of(Arguments.of("cbor", FrameCodec.cbor()), Arguments.of("json", FrameCodec.json()));
    }

    static Stream<Frame> everyFrame() {
        return Stream.of(
                new Request.Register("alice", filled(32, 4), SPK, List.of(OPK), KEM, List.of(KEM), "invite-1",
                        filled(64, 13)),
                new Request.Register("alice", filled(32, 4), SPK, List.of(), KEM, List.of(), null, filled(64, 13)),
                new Request.Authenticate("alice", filled(64, 5)),
                new Request.FetchBundle("bob"),
                new Request.UploadPreKeys(null, List.of(OPK)),
                new Request.UploadPreKeys(SPK, List.of()),
                new Request.UploadPreKeys(null, List.of(OPK), KEM, List.of(KEM, KEM)),
                new Request.ReplacePreKeys(SPK, List.of(OPK), KEM, List.of(KEM)),
                new Request.Send("bob", filled(16, 6), filled(200, 7)),
                new Request.SendEphemeral("bob", filled(3, 8)),
                new Request.Ack(42),
                new Request.AttachmentBegin(1_000_000, List.of("bob", "carol")),
                new Request.AttachmentPut(filled(16, 20), 7, filled(300, 21)),
                new Request.AttachmentStatus(filled(16, 20)),
                new Request.AttachmentGet(filled(16, 20), 3),
                new Request.AttachmentBeginShared(1_000_000, filled(32, 26)),
                new Request.AttachmentGetShared(filled(16, 20), 3, filled(32, 27)),
                new Request.BulkUploadTicket(filled(16, 20)),
                new Request.BulkDownloadTicket(filled(16, 20), filled(32, 27)),
                new Response.BulkTicket(filled(103, 28), 1_800_000_000_000L),
                new Request.SendMulti(List.of(new Request.MultiRecipient("bob", filled(16, 6), filled(60, 23)),
                        new Request.MultiRecipient("carol", filled(16, 7), filled(60, 24))), filled(300, 25)),
                new Request.DeviceAuthenticate("alice", 2, filled(64, 30)),
                new Request.DeviceCredential(filled(32, 31), filled(64, 32)),
                new Request.DeviceAdd(filled(32, 31), filled(40, 33), SPK, List.of(OPK), KEM, List.of(KEM), filled(64, 32)),
                new Request.DeviceList("bob"),
                new Request.DeviceFetchBundle("bob", 3),
                new Request.DeviceSend("bob", filled(16, 6), List.of(new Request.DeviceCopy(1, filled(90, 34)),
                        new Request.DeviceCopy(4, filled(90, 35)))),
                new Request.DeviceUnlink(2),
                new Request.DeviceSendEphemeral("bob", List.of(new Request.DeviceCopy(2, filled(90, 39)))),
                new Request.DeviceRename(filled(64, 39)),
                new Response.DeviceAdded(3),
                new Response.DeviceListResult("alice", List.of(new Response.DeviceInfo(1, filled(20, 36), 10, 20),
                        new Response.DeviceInfo(3, new byte[0], 0, 0))),
                new Response.DeviceListStale("bob", List.of(1, 2, 5)),
                new Request.LinkOpen(filled(16, 37)),
                new Request.LinkSend(filled(16, 37), filled(73, 38)),
                new Push.LinkMessage(filled(16, 37), filled(73, 38)),
                new Push.LinkLeft(filled(16, 39)),
                new Response.Ok(),
                new Response.ErrorResponse(ErrorCode.RATE_LIMITED, "slow down", 1500),
                new Response.Authenticated(12, filled(142, 14)),
                new Response.Bundle("bob", new PreKeyBundle(filled(32, 9), SPK, Optional.of(OPK), KEM)),
                new Response.Bundle("bob", new PreKeyBundle(filled(32, 9), SPK, Optional.empty(), KEM)),
                new Response.SendAccepted(true),
                new Response.PreKeyCount(3),
                new Response.AttachmentCreated(filled(16, 20), 32768, 1_800_000_000_000L),
                new Response.AttachmentProgress(12, true),
                new Response.AttachmentChunk(2, filled(100, 22), 5),
                new Response.SendMultiResult(List.of(
                        new Response.RecipientOutcome("bob", Response.MultiSendStatus.ACCEPTED, 0),
                        new Response.RecipientOutcome("carol", Response.MultiSendStatus.QUEUE_FULL, 2000))),
                new Push.Challenge(filled(16, 10), filled(32, 11), 1234, filled(32, 12)),
                new Push.Deliver(5, 99, filled(200, 12)),
                new Push.QueueEmpty(),
                new Push.PreKeysLow(2),
                new Push.Ephemeral(filled(4, 13)));
    }

    static Stream<Arguments> codecAndFrame() {
        return codecs().flatMap(c -> everyFrame().map(f -> Arguments.of(c.get()[0], c.get()[1], f)));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("codecAndFrame")
    void everyFrameRoundTrips(String name, FrameCodec codec, Frame frame) throws Exception {
        Envelope back = codec.decode(codec.encode(Envelope.of(3, frame)));
        assertThat(back.version()).isEqualTo(Envelope.CURRENT_VERSION);
        assertThat(back.requestId()).isEqualTo(3);
        assertThat(back.frame()).usingRecursiveComparison().isEqualTo(frame);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codecs")
    void garbageEmptyAndTruncatedBytesAreMalformed(String name, FrameCodec codec) {
        byte[] good = codec.encode(Envelope.of(3, new Request.Send("bob", filled(16, 1), filled(50, 2))));
        assertCode(codec, new byte[0], ErrorCode.MALFORMED_FRAME);
        assertCode(codec, "\u00ff\u00fe garbage".getBytes(StandardCharsets.ISO_8859_1), ErrorCode.MALFORMED_FRAME);
        assertCode(codec, Arrays.copyOf(good, good.length / 2), ErrorCode.MALFORMED_FRAME);
        byte[] trailing = Arrays.copyOf(good, good.length + 1);
        trailing[good.length] = good[0];
        assertCode(codec, trailing, ErrorCode.MALFORMED_FRAME);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codecs")
    void fieldErrorsKeepTheRequestId(String name, FrameCodec codec) throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String[][] cases = {
                {"{\"v\":3,\"id\":8,\"type\":\"ack\",\"body\":{\"messageId\":1}}", "UNSUPPORTED_VERSION"},
                {"{\"v\":2,\"id\":8,\"type\":\"teleport\",\"body\":{}}", "UNKNOWN_TYPE"},
                {"{\"v\":2,\"id\":8,\"type\":\"ack\",\"body\":{\"messageId\":\"x\"}}", "INVALID_FIELD"},
                {"{\"v\":2,\"id\":8,\"type\":\"ack\",\"body\":{\"messageId\":\"12\"}}", "INVALID_FIELD"},
                {"{\"v\":2,\"id\":8,\"type\":\"ack\",\"body\":{}}", "INVALID_FIELD"},
                {"{\"v\":2,\"id\":8,\"type\":\"ack\",\"body\":{\"messageId\":1,\"extra\":2}}", "INVALID_FIELD"},
                {"{\"v\":2,\"id\":8,\"type\":\"fetch_bundle\",\"body\":{\"username\":null}}", "INVALID_FIELD"},
                {"{\"v\":2,\"id\":8,\"type\":\"authenticate\",\"body\":{\"username\":\"a\",\"signature\":\"AAAA\"}}", "INVALID_FIELD"},
                {"{\"v\":2,\"id\":8,\"type\":\"ack\"}", "MALFORMED_FRAME"},
                {"{\"v\":2,\"id\":8,\"type\":\"ack\",\"body\":{\"messageId\":1},\"x\":1}", "MALFORMED_FRAME"},
        };
        for (String[] c : cases) {
            byte[] bytes = codec == FrameCodec.json() ? c[0].getBytes(StandardCharsets.UTF_8)
                    : new com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper().writeValueAsBytes(json.readTree(c[0]));
            FrameDecodeException e = decodeFailure(codec, bytes);
            assertThat(e.code()).as(c[0]).isEqualTo(ErrorCode.valueOf(c[1]));
            assertThat(e.requestId()).as(c[0]).isEqualTo(8);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codecs")
    void invalidPreKeyLengthIsAnInvalidField(String name, FrameCodec codec) {
        String bad = "{\"v\":2,\"id\":4,\"type\":\"upload_prekeys\",\"body\":{\"signedPreKey\":null,"
                + "\"oneTimePreKeys\":[{\"id\":1,\"publicKey\":\"AAAA\"}]}}";
        if (codec == FrameCodec.json()) {
            assertCode(codec, bad.getBytes(StandardCharsets.UTF_8), ErrorCode.INVALID_FIELD);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codecs")
    void nonMapAndMissingIdAreMalformed(String name, FrameCodec codec) throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String s : new String[] {"[1,2,3]", "42", "{\"v\":2,\"type\":\"ack\",\"body\":{\"messageId\":1}}",
                "{\"v\":2,\"id\":-4,\"type\":\"ack\",\"body\":{\"messageId\":1}}"}) {
            byte[] bytes = codec == FrameCodec.json() ? s.getBytes(StandardCharsets.UTF_8)
                    : new com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper().writeValueAsBytes(json.readTree(s));
            assertThat(decodeFailure(codec, bytes).code()).as(s).isEqualTo(ErrorCode.MALFORMED_FRAME);
        }
    }

    private static void assertCode(FrameCodec codec, byte[] bytes, ErrorCode code) {
        assertThat(decodeFailure(codec, bytes).code()).isEqualTo(code);
    }

    /** Decodes a one-frame message both ways: {@link FrameCodec#decodeAll} must fail exactly as decode does. */
    private static FrameDecodeException decodeFailure(FrameCodec codec, byte[] bytes) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> codec.decode(bytes));
        assertThat(t).isInstanceOf(FrameDecodeException.class);
        FrameDecodeException single = (FrameDecodeException) t;
        List<Envelope> handled = new java.util.ArrayList<>();
        Throwable all = org.assertj.core.api.Assertions.catchThrowable(() -> codec.decodeAll(bytes, handled::add));
        if (handled.isEmpty()) {
            assertThat(all).isInstanceOf(FrameDecodeException.class);
            assertThat(((FrameDecodeException) all).code()).isEqualTo(single.code());
            assertThat(((FrameDecodeException) all).requestId()).isEqualTo(single.requestId());
        }
        return single;
    }

    static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
