package dev.parley.relay.admin;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.parley.relay.store.Invite;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The answer to one {@link AdminRequest}. Encoded by {@link AdminCodec} as JSON with a {@code kind} field. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = AdminResponse.InvitesCreated.class, name = "invites-created"),
        @JsonSubTypes.Type(value = AdminResponse.InviteList.class, name = "invite-list"),
        @JsonSubTypes.Type(value = AdminResponse.RevokeResult.class, name = "revoke-result"),
        @JsonSubTypes.Type(value = AdminResponse.StatsReport.class, name = "stats"),
        @JsonSubTypes.Type(value = AdminResponse.Failure.class, name = "failure")})
public sealed interface AdminResponse {

    /** The new codes, in creation order. */
    record InvitesCreated(List<String> codes) implements AdminResponse {
        public InvitesCreated {
            codes = List.copyOf(codes);
        }
    }

    /** One invite as listed; times are ISO-8601 instants and {@code usedAt} is null while unused. */
    record InviteEntry(String code, String createdAt, String usedAt, boolean revoked) {
        static InviteEntry of(Invite invite) {
            return new InviteEntry(invite.code(), invite.createdAt().toString(),
                    invite.usedAt().map(Instant::toString).orElse(null), invite.revoked());
        }

        /** {@code unused}, {@code used <time>} or {@code revoked}. */
        public String state() {
            if (revoked) {
                return "revoked";
            }
            return usedAt == null ? "unused" : "used " + usedAt;
        }
    }

    /** Every invite code. */
    record InviteList(List<InviteEntry> invites) implements AdminResponse {
        public InviteList {
            invites = List.copyOf(invites);
        }
    }

    /** {@code revoked} is true when the code existed and was not yet revoked. */
    record RevokeResult(boolean revoked) implements AdminResponse {
    }

    /** Figures of the relay's database. */
    record StatsReport(long accounts, long queuedMessages, long queuedBytes, long usableInvites) implements AdminResponse {
    }

    /** The request was refused; {@code message} says why and never echoes the request. */
    record Failure(String message) implements AdminResponse {
        public Failure {
            Objects.requireNonNull(message, "message");
        }
    }
}
