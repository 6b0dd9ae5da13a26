package dev.parley.desktop.ui.common;

import dev.parley.desktop.service.messaging.AttachmentBodies;
import dev.parley.desktop.storage.Attachment;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.Direction;
import dev.parley.desktop.storage.IdentityChangeState;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageState;
import java.util.List;
import java.util.Optional;

/**
 * The UI's views of the services' types (split out of {@link UiServices}): a stored message, contact, group or
 * attachment as the screens show it, and a message state as its ticks.
 */
public final class ServiceViews {
    private ServiceViews() {
    }

    /** The UI view of a service message. */
    public static MessageView view(Message m) {
        return new MessageView(m.messageId().value(), m.conversationId().value(), m.direction() == Direction.OUTGOING,
                m.deleted() ? "" : m.body(), m.sentAt(), status(m.direction(), m.state()), m.failure(),
                m.cursor().sequence(), List.of(), m.edited(), m.deleted(),
                m.replyTo().map(q -> new QuoteView(q.target().value(), Optional.ofNullable(q.author()), q.snippetText())),
                Optional.empty(), m.isSystem(), m.conversationId().isGroup() && m.direction() == Direction.INCOMING
                        && m.sender() != null ? m.sender() : "");
    }

    /** The UI status for a service state. */
    public static MessageView.Status status(Direction direction, MessageState state) {
        if (direction != Direction.OUTGOING) {
            return state == MessageState.READ ? MessageView.Status.SEEN : MessageView.Status.UNREAD;
        }
        switch (state) {
            case SENDING:
                return MessageView.Status.SENDING;
            case SENT:
                return MessageView.Status.SENT;
            case DELIVERED:
                return MessageView.Status.DELIVERED;
            case READ:
                return MessageView.Status.READ;
            case FAILED:
            default:
                return MessageView.Status.FAILED;
        }
    }

    /** The UI status of a message in {@code state}, given whether it is outgoing (for state-change events). */
    public static java.util.function.Function<Boolean, MessageView.Status> statusFor(MessageState state) {
        return outgoing -> status(outgoing ? Direction.OUTGOING : Direction.INCOMING, state);
    }

    /** The UI view of a service contact. */
    public static ContactView view(Contact c) {
        return new ContactView(c.username(), c.verified(), c.identityChange() == IdentityChangeState.CHANGED_UNACKNOWLEDGED);
    }

    /** The UI view of a group: its conversation id as the name, its title and member count. */
    public static ContactView view(dev.parley.desktop.storage.StoredGroup g) {
        return ContactView.ofGroup(dev.parley.desktop.storage.ConversationId.group(g.state().id()).value(),
                new GroupView(g.state().title(), g.state().members().size(), g.active(), g.removed()));
    }

    /** The UI view of a stored attachment; {@code body} is its message's stored text (file line and caption). */
    public static AttachmentView view(Attachment a, String body) {
        var p = a.pointer();
        return new AttachmentView(p.fileName(), p.size(), p.contentType(), p.width(), p.height(), p.thumbnail(),
                AttachmentView.State.valueOf(a.state().name()), AttachmentBodies.caption(body));
    }
}
