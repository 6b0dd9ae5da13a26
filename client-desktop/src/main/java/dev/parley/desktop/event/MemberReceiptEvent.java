package dev.parley.desktop.event;

import dev.parley.desktop.storage.MessageId;
import java.util.Objects;

/**
 * Posted by the messaging service after a group member's delivery or read receipt for one of this profile's own group
 * messages was recorded (issue #15), whether or not the message's own state moved: an open "Message info" reloads its
 * "Read by N of M" and member list.
 *
 * @param conversation the group's conversation id ('#' and the group id)
 * @param messageId    the message the receipt is about
 */
public record MemberReceiptEvent(String conversation, MessageId messageId) implements AppEvent {
    public MemberReceiptEvent {
        Objects.requireNonNull(conversation);
        Objects.requireNonNull(messageId);
    }
}
