package dev.parley.relay.admin;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** One operator request on the admin channel. Encoded by {@link AdminCodec} as JSON with an {@code op} field. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
@JsonSubTypes({
        @JsonSubTypes.Type(value = AdminRequest.CreateInvites.class, name = "create-invites"),
        @JsonSubTypes.Type(value = AdminRequest.ListInvites.class, name = "list-invites"),
        @JsonSubTypes.Type(value = AdminRequest.RevokeInvite.class, name = "revoke-invite"),
        @JsonSubTypes.Type(value = AdminRequest.Stats.class, name = "stats")})
public sealed interface AdminRequest {

    /** Most invite codes one request may create. */
    int MAX_INVITES_PER_REQUEST = 1000;

    /** Create {@code count} new single-use invite codes (1..{@link #MAX_INVITES_PER_REQUEST}). */
    record CreateInvites(int count) implements AdminRequest {
        public CreateInvites {
            if (count < 1 || count > MAX_INVITES_PER_REQUEST) {
                throw new IllegalArgumentException("count must be 1.." + MAX_INVITES_PER_REQUEST);
            }
        }
    }

    /** List every invite code with its state. */
    record ListInvites() implements AdminRequest {
    }

    /** Revoke one invite code. */
    record RevokeInvite(String code) implements AdminRequest {
        public RevokeInvite {
            if (code == null || code.isBlank() || code.length() > 128) {
                throw new IllegalArgumentException("an invite code of 1..128 characters is required");
            }
        }
    }

    /** Accounts, queued messages and usable invites. */
    record Stats() implements AdminRequest {
    }
}
