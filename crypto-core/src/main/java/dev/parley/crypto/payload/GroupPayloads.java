package dev.parley.crypto.payload;

import java.util.Objects;

/**
 * The payloads of groups (issue #15, docs/protocol.md 1.15) that are sent pairwise or once for all members. The
 * group state resynchronisation payloads are {@link GroupStateRequest} and {@link GroupStateAnswer}.
 *
 * <p>Only {@link Payload} extends this interface, and only to give each record its name {@code Payload.X}:
 * write {@code Payload.GroupUpdate}, never {@code GroupPayloads.GroupUpdate}.
 */
public interface GroupPayloads {
    /** A signed change of a group (issue #15, docs/protocol.md 1.15.2), sent pairwise to every member. */
    record GroupUpdate(dev.parley.crypto.group.GroupChange change) implements Payload {
        public GroupUpdate {
            Objects.requireNonNull(change, "change");
        }

        @Override
        public int typeCode() {
            return PayloadType.GROUP_CHANGE.code();
        }
    }

    /** The sender's sender key for a group (issue #15, 1.15.1), sent pairwise to each other member. Secret. */
    record SenderKey(dev.parley.crypto.group.SenderKeyDistribution distribution) implements Payload {
        public SenderKey {
            Objects.requireNonNull(distribution, "distribution");
        }

        @Override
        public int typeCode() {
            return PayloadType.SENDER_KEY.code();
        }
    }

    /** A group message encrypted once with the sender's sender key (issue #15, 1.15.1, 1.15.3). */
    record GroupMessage(dev.parley.crypto.group.SenderKeyMessage message) implements Payload {
        public GroupMessage {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public int typeCode() {
            return PayloadType.GROUP_MESSAGE.code();
        }
    }

    /**
     * Typing in a group's conversation (issue #15, 1.15.3), sent pairwise on ephemeral frames to each other member of a
     * group of at most 20 members.
     */
    record GroupTyping(dev.parley.crypto.group.GroupId group, boolean typing) implements Payload {
        public GroupTyping {
            Objects.requireNonNull(group, "group");
        }

        @Override
        public int typeCode() {
            return PayloadType.GROUP_TYPING.code();
        }
    }

    /**
     * A request to join a group with its invite link (issue #15, docs/protocol.md 1.15.5), sent pairwise to the admin
     * the link names: the group id and the proof that the sender knows the link's secret (never the secret itself).
     */
    record GroupJoinRequest(dev.parley.crypto.group.GroupId group, byte[] proof) implements Payload {
        public GroupJoinRequest {
            Objects.requireNonNull(group, "group");
            if (proof == null || proof.length != dev.parley.crypto.group.GroupInviteLink.PROOF_BYTES) {
                throw new IllegalArgumentException("join request: 32-byte proof expected");
            }
            proof = proof.clone();
        }

        @Override
        public byte[] proof() {
            return proof.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof GroupJoinRequest r && group.equals(r.group) && java.util.Arrays.equals(proof, r.proof);
        }

        @Override
        public int hashCode() {
            return 31 * group.hashCode() + java.util.Arrays.hashCode(proof);
        }

        @Override
        public String toString() {
            return "GroupJoinRequest[" + group + "]";
        }

        @Override
        public int typeCode() {
            return PayloadType.GROUP_JOIN_REQUEST.code();
        }
    }
}
