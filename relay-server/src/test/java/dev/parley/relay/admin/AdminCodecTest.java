package dev.parley.relay.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdminCodecTest {
    @Test
    void everyRequestRoundTrips() throws Exception {
        for (AdminRequest request : List.of(new AdminRequest.CreateInvites(3), new AdminRequest.ListInvites(),
                new AdminRequest.RevokeInvite("abc"), new AdminRequest.Stats())) {
            assertThat(AdminCodec.decodeRequest(AdminCodec.encode(request))).isEqualTo(request);
        }
    }

    @Test
    void everyResponseRoundTrips() throws Exception {
        for (AdminResponse response : List.of(new AdminResponse.InvitesCreated(List.of("a", "b")),
                new AdminResponse.InviteList(List.of(
                        new AdminResponse.InviteEntry("a", "2026-01-01T00:00:00Z", null, false),
                        new AdminResponse.InviteEntry("b", "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z", false))),
                new AdminResponse.RevokeResult(true), new AdminResponse.StatsReport(1, 2, 3, 4),
                new AdminResponse.Failure("no"))) {
            assertThat(AdminCodec.decodeResponse(AdminCodec.encode(response))).isEqualTo(response);
        }
    }

    @Test
    void aRequestIsWrittenWithItsOperationName() {
        assertThat(new String(AdminCodec.encode(new AdminRequest.CreateInvites(2)), StandardCharsets.UTF_8))
                .isEqualTo("{\"op\":\"create-invites\",\"count\":2}");
    }

    @Test
    void aResponseOfTheWrongShapeIsRejected() {
        assertThatThrownBy(() -> AdminCodec.decodeResponse("{\"kind\":\"stats\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(AdminProtocolException.class).hasMessageStartingWith("malformed admin response");
        assertThatThrownBy(() -> AdminCodec.decodeResponse("null".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(AdminProtocolException.class);
    }

    @Test
    void entryStatesReadLikeTheStoppedRelayCommandPrintedThem() {
        assertThat(new AdminResponse.InviteEntry("a", "t", null, false).state()).isEqualTo("unused");
        assertThat(new AdminResponse.InviteEntry("a", "t", "u", false).state()).isEqualTo("used u");
        assertThat(new AdminResponse.InviteEntry("a", "t", "u", true).state()).isEqualTo("revoked");
    }
}
