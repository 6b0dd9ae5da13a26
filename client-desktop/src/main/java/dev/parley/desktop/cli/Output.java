package dev.parley.desktop.cli;

import dev.parley.desktop.storage.Message;

/** The CLI's line format: tab-separated fields, with backslash, tab and newline escaped inside fields. */
final class Output {
    private Output() {
    }

    static String escape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            switch (c) {
                case '\\':
                    out.append("\\\\");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                default:
                    out.append(c);
            }
        }
        return out.toString();
    }

    /** VERIFIED, UNVERIFIED or IDENTITY_CHANGED (sending blocked until acknowledged). */
    static String trust(dev.parley.desktop.storage.Contact contact) {
        if (contact.identityChange() == dev.parley.desktop.storage.IdentityChangeState.CHANGED_UNACKNOWLEDGED) {
            return "IDENTITY_CHANGED";
        }
        if (contact.identityChange() == dev.parley.desktop.storage.IdentityChangeState.REQUEST) {
            return "REQUEST";
        }
        return contact.verified() ? "VERIFIED" : "UNVERIFIED";
    }

    /** {@code contact  direction  state  sentAt  id  text} (a deleted message's text: "This message was deleted"). */
    static String message(Message m) {
        return String.join("\t", m.conversationId().value(), m.direction().name(), m.state().name(), m.sentAt().toString(),
                m.messageId().value(), escape(m.displayText()));
    }

    /**
     * The records that follow a message line and say what happened to it: {@code deleted  id} for a tombstone,
     * {@code edited  id  count} for an edited message (its line shows the current text); then, for a reply,
     * {@code reply  id  quoted-id  author  snippet} (author empty and "Original message not found" when the original
     * is not here, "This message was deleted" when it was deleted); {@code expires  id  instant} for a disappearing
     * message. A system line (a timer change) is followed by {@code system  id}.
     */
    static java.util.List<String> changes(Message m) {
        java.util.List<String> lines = new java.util.ArrayList<>(1);
        if (m.isSystem()) {
            lines.add(String.join("\t", "system", m.messageId().value()));
        }
        if (m.deleted()) {
            lines.add(String.join("\t", "deleted", m.messageId().value()));
        } else if (m.edited()) {
            lines.add(String.join("\t", "edited", m.messageId().value(), Integer.toString(m.editCount())));
        }
        m.replyTo().ifPresent(q -> lines.add(String.join("\t", "reply", m.messageId().value(), q.target().value(),
                q.found() ? escape(q.author()) : "", escape(q.displayText()))));
        m.expiry().ifPresent(at -> lines.add(String.join("\t", "expires", m.messageId().value(), at.toString())));
        return lines;
    }

    /** {@code reaction  messageId  reactor  emoji}. */
    static String reaction(dev.parley.desktop.storage.Reaction r) {
        return String.join("\t", "reaction", r.messageId().value(), escape(r.reactor()), escape(r.emoji()));
    }

    /** {@code attachment  messageId  fileName  size  contentType  state}. */
    static String attachment(dev.parley.desktop.storage.Attachment a) {
        return String.join("\t", "attachment", a.messageId().value(), escape(a.pointer().fileName()),
                Long.toString(a.pointer().size()), a.pointer().contentType(), a.state().name());
    }
}
