package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.MessageView;
import java.time.LocalDate;
import java.util.Objects;

/** One row of the chat list: a message bubble, a date divider, or the "N new messages" marker. */
public sealed interface ChatRow permits ChatRow.MessageRow, ChatRow.DayDivider, ChatRow.UnreadMarker {

    /** A message bubble. {@code firstOfGroup} is false when the previous row is a message in the same direction. */
    record MessageRow(MessageView message, boolean firstOfGroup) implements ChatRow {
        public MessageRow {
            Objects.requireNonNull(message);
        }

        public String id() {
            return message.id();
        }
    }

    /** The start of a calendar day (in the user's zone). */
    record DayDivider(LocalDate day) implements ChatRow {
        public DayDivider {
            Objects.requireNonNull(day);
        }
    }

    /** Shown above the first unread incoming message when a conversation is opened. */
    record UnreadMarker(int count) implements ChatRow {
        public UnreadMarker {
            if (count <= 0) {
                throw new IllegalArgumentException("count must be positive");
            }
        }
    }
}
