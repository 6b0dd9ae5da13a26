package dev.parley.desktop.service;

import dev.parley.desktop.storage.Direction;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessageState;
import dev.parley.desktop.storage.MessageTimes;
import java.time.Instant;
import java.util.Optional;

/**
 * "Message info" (issue #12 item 6): when a message was sent, delivered and read, as far as this device knows.
 *
 * <p>Our own message: {@code sentAt} is when it was written; {@code relayAcceptedAt} when the relay stored it;
 * {@code deliveredAt} and {@code readAt} when the recipient's receipts arrived (a read time without a delivery time
 * is possible: receipts can be lost or turned off). An incoming message: {@code sentAt} is the time its sender's
 * device put in it (a claim, not checked), {@code deliveredAt} when it reached this device, {@code readAt} when it
 * was read here; {@code relayAcceptedAt} is empty. System lines have only {@code sentAt}.
 */
public record MessageInfo(MessageId messageId, Direction direction, String sender, MessageState state, Instant sentAt,
                          Optional<Instant> relayAcceptedAt, Optional<Instant> deliveredAt, Optional<Instant> readAt) {

    /** The info of a stored message from its row and its recorded times. */
    public static MessageInfo of(Message message, MessageTimes times) {
        if (message.direction() == Direction.INCOMING) {
            return new MessageInfo(message.messageId(), message.direction(), message.sender(), message.state(),
                    message.sentAt(), Optional.empty(), Optional.ofNullable(message.receivedAt()), times.read());
        }
        if (message.direction() == Direction.SYSTEM) {
            return new MessageInfo(message.messageId(), message.direction(), message.sender(), message.state(),
                    message.sentAt(), Optional.empty(), Optional.empty(), Optional.empty());
        }
        return new MessageInfo(message.messageId(), message.direction(), message.sender(), message.state(),
                message.sentAt(), times.relayAccepted(), times.delivered(), times.read());
    }
}
