package dev.parley.desktop.ui.common;

import dev.parley.desktop.service.AttachmentService;
import dev.parley.desktop.service.ContactService;
import dev.parley.desktop.storage.Attachment;
import dev.parley.desktop.service.MessageActionsService;
import dev.parley.desktop.service.MessagingService;
import dev.parley.desktop.service.SafetyNumberView;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.storage.Direction;
import dev.parley.desktop.storage.IdentityChangeState;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageCursor;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessagePage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The one adapter between the services' types and the UI's {@link MessageView}/{@link ContactView}: every view model
 * reaches the messaging and contact services through it, one service call per method, so a change in the service
 * API touches this class only. Blocking; view models call it through {@link BackgroundTasks}.
 */
public final class UiServices {
    private final MessagingService messaging;
    private final ContactService contacts;
    private final MessageActionsService actions;
    private final AttachmentService attachments;
    private final dev.parley.desktop.service.ConversationMarksService marks;
    private final dev.parley.desktop.service.GroupService groups;

    public UiServices(MessagingService messaging, ContactService contacts, MessageActionsService actions,
                      AttachmentService attachments, dev.parley.desktop.service.ConversationMarksService marks,
                      dev.parley.desktop.service.GroupService groups) {
        this.marks = Objects.requireNonNull(marks);
        this.groups = Objects.requireNonNull(groups);
        this.messaging = Objects.requireNonNull(messaging);
        this.contacts = Objects.requireNonNull(contacts);
        this.actions = Objects.requireNonNull(actions);
        this.attachments = Objects.requireNonNull(attachments);
    }

    /** One text a message had, and when its author wrote it. */
    public record Version(String text, java.time.Instant writtenAt) {
    }

    /** A page of history, newest first; {@code older} is where the next older page starts, empty at the oldest. */
    public record Page(List<MessageView> newestFirst, OptionalLong older) {
        public Page {
            newestFirst = List.copyOf(newestFirst);
            Objects.requireNonNull(older);
        }
    }

    /** The digits and QR payload for comparing identity keys. */
    /** A safety number as shown, with the identity key it was computed for. */
    public record SafetyNumber(String digits, String qrPayload, byte[] identityKey) {
    }

    public Page history(String contact, int pageSize, OptionalLong before) throws ServiceException {
        Optional<MessageCursor> cursor = before.isPresent() ? Optional.of(new MessageCursor(before.getAsLong()))
                : Optional.empty();
        MessagePage page = messaging.history(contact, cursor, pageSize);
        return new Page(withReactions(page.messages()),
                page.nextBefore().map(c -> OptionalLong.of(c.sequence())).orElse(OptionalLong.empty()));
    }

    /** The newest messages of a conversation, newest first, without their reactions (for the conversation list). */
    public Page recent(String contact, int pageSize) throws ServiceException {
        MessagePage page = messaging.history(contact, Optional.empty(), pageSize);
        return new Page(page.messages().stream().map(ServiceViews::view).toList(),
                page.nextBefore().map(c -> OptionalLong.of(c.sequence())).orElse(OptionalLong.empty()));
    }

    /** A conversation as the list shows it: its newest message (without reactions) and its unread count. */
    public record Summary(MessageView last, int unread) {
    }

    /** Every conversation with messages, by conversation id (a contact's username, or a group's '#' id): one query. */
    public java.util.Map<String, Summary> summaries() throws ServiceException {
        java.util.Map<String, Summary> out = new java.util.HashMap<>();
        for (dev.parley.desktop.storage.ConversationSummary s : messaging.conversations()) {
            out.put(s.conversationId().value(), new Summary(ServiceViews.view(s.lastMessage()), s.unreadCount()));
        }
        return out;
    }

    /**
     * The messages after {@code after} (a {@link MessageView#position()}), oldest first; fewer than {@code pageSize}
     * means the newest message is among them.
     */
    public List<MessageView> newer(String contact, int pageSize, long after) throws ServiceException {
        return withReactions(messaging.historyAfter(contact, new MessageCursor(after), pageSize));
    }

    /** The page's views with their reactions, read in one query for the whole page. */
    private List<MessageView> withReactions(List<Message> page) throws ServiceException {
        java.util.List<MessageId> ids = page.stream().map(Message::messageId).toList();
        java.util.Map<MessageId, List<dev.parley.desktop.storage.Reaction>> reactions =
                page.isEmpty() ? java.util.Map.of() : messaging.reactions(ids);
        java.util.Map<String, Attachment> files = new java.util.HashMap<>();
        for (Attachment a : attachments.attachments(ids)) {
            files.put(a.messageId().value(), a);
        }
        List<MessageView> views = new java.util.ArrayList<>(page.size());
        for (Message m : page) {
            Attachment file = files.get(m.messageId().value());
            views.add(ServiceViews.view(m).withReactions(reactions.getOrDefault(m.messageId(), List.of()).stream()
                            .map(r -> new ReactionView(r.reactor(), r.emoji())).toList())
                    .withAttachment(file == null || m.deleted() ? Optional.empty() : Optional.of(ServiceViews.view(file, m.body()))));
        }
        return views;
    }

    /** {@code message} with its file, if it has one (a message that arrived as an event carries none yet). */
    public MessageView withAttachment(MessageView message) throws ServiceException {
        if (message.deleted()) {
            return message;
        }
        return message.withAttachment(attachments.attachment(new MessageId(message.id()))
                .map(a -> ServiceViews.view(a, message.text())));
    }

    /** Uploads {@code file} and sends it to {@code contact} with {@code caption} (may be empty); see AttachmentService. */
    public MessageView sendFile(String contact, java.nio.file.Path file, String caption,
                                AttachmentService.TransferProgress progress) throws ServiceException {
        return withAttachment(ServiceViews.view(attachments.sendFile(contact, file, caption, progress)));
    }

    /** Gives up a failed or cancelled upload of {@code file} to {@code contact}; see AttachmentService. */
    public void abandonUpload(String contact, java.nio.file.Path file) throws ServiceException {
        attachments.abandonUpload(contact, file);
    }

    /** Downloads (if needed), verifies and decrypts the message's file to {@code target}; returns the file written. */
    public java.nio.file.Path saveFile(MessageView message, java.nio.file.Path target,
                                       AttachmentService.TransferProgress progress) throws ServiceException {
        return attachments.save(new MessageId(message.id()), target, progress);
    }

    /**
     * The message's image for the viewer: decrypted in memory, decoded with about as many pixels as a box of
     * {@code maxWidth} x {@code maxHeight} shows ({@code ImageDecoder.FULL_SIZE} for all of them).
     */
    public dev.parley.desktop.service.attachment.ImageDecoder.Decoded image(MessageView message, int maxWidth,
            int maxHeight, AttachmentService.TransferProgress progress) throws ServiceException {
        return dev.parley.desktop.service.attachment.ImageDecoder.decode(
                        attachments.decryptImage(new MessageId(message.id()), progress), maxWidth, maxHeight)
                .orElseThrow(() -> new dev.parley.desktop.service.InvalidInputException(
                        "this image cannot be shown; save it instead"));
    }

    /** The disappearing-messages timer of the conversation with {@code contact}. */
    public dev.parley.desktop.storage.DisappearingTimer disappearing(String contact) throws ServiceException {
        if (isGroup(contact)) {
            return dev.parley.desktop.storage.DisappearingTimer.ofSeconds(groups.find(contact).state().timerSeconds())
                    .orElse(dev.parley.desktop.storage.DisappearingTimer.OFF);
        }
        return actions.disappearing(contact);
    }

    /** Sets the disappearing-messages timer of the conversation with {@code contact} (the other side is told). */
    public void setDisappearing(String contact, dev.parley.desktop.storage.DisappearingTimer timer) throws ServiceException {
        if (isGroup(contact)) {
            groups.setTimer(contact, timer.seconds());
            return;
        }
        actions.setDisappearing(contact, timer);
    }

    /**
     * When a message was sent, accepted by the relay (own messages), delivered (own: the receipt; incoming: when it
     * arrived here) and read, as far as this device knows; for this user's own group message also each member's
     * receipts ({@code members}, empty otherwise: "Read by N of M").
     */
    public record Info(boolean outgoing, boolean system, java.time.Instant sentAt,
                       Optional<java.time.Instant> relayAcceptedAt, Optional<java.time.Instant> deliveredAt,
                       Optional<java.time.Instant> readAt, List<MemberState> members) {
        public Info {
            members = List.copyOf(members);
        }

        /** How many members read it ("Read by N of M": N). */
        public long readBy() {
            return members.stream().filter(m -> m.read().isPresent()).count();
        }

        /** How many members it reached (a read receipt counts as delivered too). */
        public long deliveredTo() {
            return members.stream().filter(m -> m.delivered().isPresent() || m.read().isPresent()).count();
        }
    }

    /** One group member's receipts for the user's own message: when its delivery and read receipts arrived. */
    public record MemberState(String member, Optional<java.time.Instant> delivered, Optional<java.time.Instant> read) {
    }

    /** The message's {@link Info}, or empty if this device no longer has it. */
    public Optional<Info> info(String messageId) throws ServiceException {
        Optional<dev.parley.desktop.service.MessageInfo> info = messaging.info(new MessageId(messageId));
        if (info.isEmpty()) {
            return Optional.empty();
        }
        var i = info.get();
        List<MemberState> members = i.direction() != Direction.OUTGOING ? List.of()
                : messaging.memberReceipts(new MessageId(messageId)).stream()
                        .map(r -> new MemberState(r.member(), r.delivered(), r.read())).toList();
        return Optional.of(new Info(i.direction() == Direction.OUTGOING,
                i.direction() != Direction.OUTGOING && i.direction() != Direction.INCOMING, i.sentAt(),
                i.relayAcceptedAt(), i.deliveredAt(), i.readAt(), members));
    }

    /** Whether a conversation is muted (no notifications) and archived (listed apart). */
    public record Marks(boolean muted, boolean archived) {
        public static final Marks NONE = new Marks(false, false);
    }

    /** The muted or archived conversations, by contact name. */
    public java.util.Map<String, Marks> conversationMarks() throws ServiceException {
        java.util.Map<String, Marks> out = new java.util.HashMap<>();
        marks.marked().forEach((id, m) -> out.put(id, new Marks(m.muted(), m.archived())));
        return out;
    }

    /** The marks of the conversation with {@code contact} as stored now (a new message may have unarchived it). */
    public Marks marks(String contact) throws ServiceException {
        var now = marks.marks(contact);
        return new Marks(now.muted(), now.archived());
    }

    /** Mutes or unmutes the conversation with {@code contact}; returns its marks now. */
    public Marks mute(String contact, boolean muted) throws ServiceException {
        var now = marks.mute(contact, muted);
        return new Marks(now.muted(), now.archived());
    }

    /** Archives or unarchives the conversation with {@code contact}; returns its marks now. */
    public Marks archive(String contact, boolean archived) throws ServiceException {
        var now = marks.archive(contact, archived);
        return new Marks(now.muted(), now.archived());
    }

    /** Who reacted to the message with what, oldest first. */
    public List<ReactionView> reactions(String messageId) throws ServiceException {
        return messaging.reactions(new MessageId(messageId)).stream()
                .map(r -> new ReactionView(r.reactor(), r.emoji())).toList();
    }

    /** Sends {@code text} as a reply quoting {@code to}. */
    public MessageView reply(MessageView to, String text) throws ServiceException {
        return ServiceViews.view(actions.reply(new MessageId(to.id()), text));
    }

    /** The message with this id as the UI shows it (a reply's original), or empty if this history has none. */
    public Optional<MessageView> message(String messageId) throws ServiceException {
        return messaging.message(new MessageId(messageId)).map(ServiceViews::view);
    }

    public void deleteForMe(MessageView message) throws ServiceException {
        actions.deleteForMe(new MessageId(message.id()));
    }

    public void deleteForEveryone(MessageView message) throws ServiceException {
        actions.deleteForEveryone(new MessageId(message.id()));
    }

    /** Replaces the text of the user's own message; returns it as stored now. */
    public MessageView edit(MessageView message, String text) throws ServiceException {
        return ServiceViews.view(actions.edit(new MessageId(message.id()), text)).withReactions(message.reactions());
    }

    /** Every text the message had, the original first and the current one last. */
    public List<Version> editHistory(String messageId) throws ServiceException {
        return actions.editHistory(new MessageId(messageId)).stream()
                .map(v -> new Version(v.body(), v.writtenAt())).toList();
    }

    /** Sets the user's reaction to {@code message} to {@code emoji} (replacing theirs), or removes it. */
    public void react(MessageView message, String emoji, boolean remove) throws ServiceException {
        messaging.react(new MessageId(message.id()), emoji, remove);
    }

    public MessageView send(String contact, String text) throws ServiceException {
        return ServiceViews.view(isGroup(contact) ? groups.send(contact, text) : messaging.send(contact, text));
    }

    /** Marks every incoming message of the conversation up to and including {@code upTo} as read. */
    public void markRead(MessageView upTo) throws ServiceException {
        messaging.markRead(upTo.contact(), new MessageCursor(upTo.position()));
    }

    /** Tells the contact, or every member of a group of at most 20, that the user started or stopped typing. */
    public void setTyping(String contact, boolean typing) throws ServiceException {
        messaging.setTyping(contact, typing);
    }

    public List<MessageView> search(String query, int limit) throws ServiceException {
        return messaging.search(query, Optional.empty(), limit).stream().map(ServiceViews::view).toList();
    }

    /** The contacts that have a conversation in the list: message requests stay in Requests until accepted (#14). */
    public List<ContactView> contacts() throws ServiceException {
        return contacts.list().stream().filter(c -> c.identityChange() != IdentityChangeState.REQUEST)
                .map(ServiceViews::view).toList();
    }

    public ContactView contact(String username) throws ServiceException {
        return isGroup(username) ? ServiceViews.view(groups.find(username)) : ServiceViews.view(contacts.get(username));
    }

    /** Every group this profile knows (those it left too: their history stays), as conversation partners. */
    public List<ContactView> groups() throws ServiceException {
        return groups.list().stream().map(ServiceViews::view).toList();
    }

    /** Whether {@code conversation} names a group's conversation ('#' and the group id) rather than a contact. */
    public static boolean isGroup(String conversation) {
        return conversation.startsWith(dev.parley.desktop.storage.ConversationId.GROUP_PREFIX);
    }

    /** Adds a contact by username, or by contact link ({@code parley://add/...}: fingerprint checked, verified). */
    public ContactView addContact(String usernameOrLink) throws ServiceException {
        return ServiceViews.view(usernameOrLink.startsWith("parley://") ? contacts.addFromLink(usernameOrLink)
                : contacts.add(usernameOrLink));
    }

    /** Verifies {@code shownKey}, the key whose safety number the user compared, if it is still the contact's. */
    public ContactView markVerified(String username, byte[] shownKey) throws ServiceException {
        return ServiceViews.view(contacts.markVerified(username, shownKey));
    }

    /** Accepts {@code shownKey}, the new key the warning was shown for, if it is still the pending one. */
    public ContactView acknowledgeIdentityChange(String username, byte[] shownKey) throws ServiceException {
        return ServiceViews.view(contacts.acknowledgeIdentityChange(username, shownKey));
    }

    /** Removes the contact and the whole conversation with them from this computer; returns how many messages went. */
    public int deleteConversation(String username) throws ServiceException {
        return isGroup(username) ? groups.delete(username, false) : contacts.remove(username, true);
    }

    /** Deletes a group's conversation; with {@code leave} the user leaves the group first (GroupService#delete). */
    public int deleteGroupConversation(String conversation, boolean leave) throws ServiceException {
        return groups.delete(conversation, leave);
    }

    public ContactView clearVerification(String username) throws ServiceException {
        return ServiceViews.view(contacts.clearVerification(username));
    }

    /**
     * The key an identity-change warning is about: the new key a contact's held messages carry, or (for a warning
     * raised before messages were held, by Parley 0.1) the stored key.
     */
    public java.util.Optional<byte[]> pendingKey(String username) throws ServiceException {
        java.util.Optional<SafetyNumberView> pending = contacts.pendingSafetyNumber(username);
        return java.util.Optional.of(pending.isPresent() ? pending.get().identityKey() : contacts.get(username).identityKey());
    }

    public SafetyNumber safetyNumber(String username) throws ServiceException {
        SafetyNumberView v = contacts.safetyNumber(username);
        return new SafetyNumber(v.digits(), v.qrPayload(), v.identityKey());
    }

}
