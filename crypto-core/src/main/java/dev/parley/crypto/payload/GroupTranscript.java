package dev.parley.crypto.payload;

import dev.parley.crypto.group.GroupId;
import java.util.Objects;

/**
 * Issue #17, linked devices: a copy, for the sender's own other devices, of a payload it sent to a group
 * (GROUP_TRANSCRIPT 44, docs/protocol.md 1.18): a text, a file, a reaction, an edit or a delete, which the receiving
 * device applies in that group's conversation as its own. It travels pairwise, so its session authenticates it, and
 * is taken only from the account's own devices.
 */
public record GroupTranscript(GroupId group, Payload original) implements Payload {
    public GroupTranscript {
        Objects.requireNonNull(group, "group");
        if (!carries(original)) {
            throw new IllegalArgumentException("a group transcript carries a text, a file, a reaction, an edit or a "
                    + "delete");
        }
    }

    /** Whether {@code payload} is a kind that travels in a group and so in its transcript. */
    public static boolean carries(Payload payload) {
        return payload instanceof Payload.Text || payload instanceof Payload.Attachment
                || payload instanceof Payload.Reaction || payload instanceof Payload.Edit
                || payload instanceof Payload.Delete;
    }

    @Override
    public int typeCode() {
        return PayloadType.GROUP_TRANSCRIPT.code();
    }
}
