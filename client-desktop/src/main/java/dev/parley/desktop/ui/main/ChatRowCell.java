package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.EmojiIndex;
import dev.parley.desktop.ui.common.EmojiText;
import dev.parley.desktop.ui.common.MessageView;
import dev.parley.desktop.ui.common.QuoteView;
import dev.parley.desktop.ui.common.TimeLabels;
import dev.parley.desktop.ui.common.UserMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Renders a {@link ChatRow}: a bubble with its reactions, time and status ticks (right click opens its
 * {@link MessageMenu}), a day divider, or the unread marker.
 */
final class ChatRowCell extends ListCell<ChatRow> {
    private static final PseudoClass HIGHLIGHT = PseudoClass.getPseudoClass("highlight");
    private static final PseudoClass DELETED = PseudoClass.getPseudoClass("deleted");
    /** A group sender's name colour ({@code .bubble-sender:sender-0} ...): a pseudo-class, so no CSS lookup again. */
    private static final PseudoClass[] SENDER_COLOURS = java.util.stream.IntStream
            .range(0, dev.parley.desktop.ui.common.Avatars.PALETTE_SIZE)
            .mapToObj(i -> PseudoClass.getPseudoClass("sender-" + i)).toArray(PseudoClass[]::new);
    /** The text of a message with links: plain runs and clickable links (shown instead of {@link #text}). */
    private final javafx.scene.text.TextFlow linkText = new javafx.scene.text.TextFlow();
    private final MessageMenu menu;
    private final MessageActionsViewModel actions;
    private final Label quoteAuthor = new Label();
    /** Who wrote an incoming group message, above the first bubble of their run (issue #15). */
    private final Label sender = new Label();
    /** Made the first time this cell shows a group message with its sender (most chats never need it). */
    private dev.parley.desktop.ui.common.AvatarView senderAvatar;
    private final Label quoteText = new Label();
    /** A reply's quote: the original's author and snippet; a click jumps to the original. */
    private final VBox quote = new VBox(1, quoteAuthor, quoteText);
    private final TimeLabels times;
    private final UserMessages messages;
    private final ObservableStringValue highlighted;
    /** The style of the bubble as last set (direction, group start, failed), or -1. */
    private int shownLook = -1;

    private final Label text = new Label();
    private final VBox bubble;
    /** The bubble's parts in the order they stand in it (all but the text and meta row only once needed). */
    private final List<Node> bubbleOrder;
    private final HBox bubbleRow;
    /** Retry, "edited", the time and the ticks. */
    private final BubbleMeta meta;
    private final Label dividerLabel = new Label();
    private final HBox divider = new HBox(dividerLabel);
    private final Label systemLabel = new Label();
    /** A system line ("bob set disappearing messages to 1 hour"): centred text with its time, not a bubble. */
    private final VBox systemBox = new VBox(systemLabel);     // a VBox asks the label its height for its width: wraps
    private final HBox systemRow = new HBox(systemBox);
    private final Label markerLabel = new Label();
    private final HBox marker;
    private final ReactionBar reactions;
    private final AttachmentCard file;

    ChatRowCell(TimeLabels times, UserMessages messages, Consumer<MessageView> retry,
                ObservableStringValue highlighted, MessageActionsViewModel actions, MessageMenu menu,
                Consumer<QuoteView> jumpToOriginal, AttachmentCard file) {
        this.file = file;
        this.times = times;
        this.messages = messages;
        this.highlighted = highlighted;
        this.menu = menu;
        this.actions = actions;
        this.reactions = new ReactionBar(messages, actions.ownUsernameProperty()::get, actions::removeReaction);
        highlighted.addListener((obs, was, now) -> showHighlight());
        this.meta = new BubbleMeta(times, messages,
                () -> getItem() instanceof ChatRow.MessageRow r ? r.message() : null, retry);
        text.getStyleClass().add("bubble-text");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        linkText.getStyleClass().add("bubble-links");
        quoteAuthor.getStyleClass().add("quote-author");
        quoteText.getStyleClass().add("quote-text");
        quote.getStyleClass().add("quote");
        quote.setOnMouseClicked(e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY && getItem() instanceof ChatRow.MessageRow) {
                ((ChatRow.MessageRow) getItem()).message().quote().ifPresent(jumpToOriginal);
                e.consume();
            }
        });
        sender.getStyleClass().add("bubble-sender");
        // the sender, quote, file card, link text and reactions join the bubble the first time this cell shows one:
        // every node of a cell costs CSS matching (and a control its skin) when the cell is made, and most messages
        // have none of them
        bubble = new VBox(2, text, meta.node());
        bubbleOrder = List.of(sender, quote, file, text, linkText, reactions, meta.node());
        bubble.getStyleClass().add("bubble");
        // the menu opens on a right click (the platform's own menu event is not sent everywhere, Monocle sends none);
        // the keyboard (Menu key, Shift+F10) is handled by the list for the selected message
        bubble.setOnMouseClicked(e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.SECONDARY && getItem() instanceof ChatRow.MessageRow) {
                menu.show(((ChatRow.MessageRow) getItem()).message(), bubble, e.getScreenX(), e.getScreenY());
                e.consume();
            }
        });
        bubble.setOnContextMenuRequested(javafx.event.Event::consume);
        bubble.setMaxWidth(520);
        bubbleRow = new HBox(8, bubble); // a group sender's avatar joins it when first needed (showSender)
        divider.getStyleClass().add("day-divider");
        Region left = new Region();
        Region right = new Region();
        left.getStyleClass().add("line");
        right.getStyleClass().add("line");
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        marker = new HBox(left, markerLabel, right);
        marker.getStyleClass().add("unread-marker");
        systemLabel.getStyleClass().add("system-line");
        systemLabel.setWrapText(true);
        systemLabel.setMinHeight(Region.USE_PREF_SIZE);
        systemBox.setMaxWidth(480);
        systemBox.setAlignment(Pos.CENTER);
        systemRow.getStyleClass().add("system-row");
        systemRow.setAlignment(Pos.CENTER);
        setPrefWidth(0);
        setText(null);
    }

    @Override
    protected void updateItem(ChatRow row, boolean empty) {
        super.updateItem(row, empty);
        showHighlight();
        if (empty || !(row instanceof ChatRow.MessageRow r && !r.message().system()
                && r.message().attachment().isPresent())) {
            file.clear(); // the file card shows nothing, and listens to nothing
        }
        if (empty || row == null) {
            setGraphic(null);
            return;
        }
        if (row instanceof ChatRow.DayDivider) {
            dividerLabel.setText(times.dayDivider(((ChatRow.DayDivider) row).day()));
            setGraphic(divider);
        } else if (row instanceof ChatRow.UnreadMarker) {
            markerLabel.setText(messages.get("main.unread", ((ChatRow.UnreadMarker) row).count()));
            setGraphic(marker);
        } else if (((ChatRow.MessageRow) row).message().system()) {
            MessageView m = ((ChatRow.MessageRow) row).message();
            systemLabel.setText(m.text() + "  \u00B7  " + times.time(m.sentAt()));
            setGraphic(systemRow);
        } else {
            showMessage((ChatRow.MessageRow) row);
            setGraphic(bubbleRow);
        }
    }

    private void showMessage(ChatRow.MessageRow row) {
        MessageView m = row.message();
        boolean out = m.outgoing();
        boolean hasFile = m.attachment().isPresent();
        String shownText = hasFile ? m.attachment().get().caption() : m.text();
        text.setText(m.deleted() ? messages.get("message.deleted") : shownText);
        file.setVisible(hasFile);
        file.setManaged(hasFile);
        if (hasFile) {
            attach(file);
            file.show(m);
        }
        showLinks(m, shownText);
        if (hasFile && shownText.isEmpty() && !m.deleted()) {
            text.setVisible(false);
            text.setManaged(false);
        }
        showQuote(m);
        showSender(m, row.firstOfGroup());
        text.pseudoClassStateChanged(DELETED, m.deleted());
        if (ReactionBar.hasAny(m)) {
            attach(reactions);
        }
        if (reactions.getParent() != null) {
            reactions.show(m);
        }
        meta.show(m);
        boolean failed = m.status() == MessageView.Status.FAILED;
        // Style class changes re-run CSS on the bubble's subtree: change them only when the look changes.
        int look = (out ? 1 : 0) | (row.firstOfGroup() ? 2 : 0) | (failed ? 4 : 0);
        if (look != shownLook) {
            shownLook = look;
            List<String> classes = new ArrayList<>(4);
            classes.add("bubble");
            classes.add(out ? "outgoing" : "incoming");
            if (row.firstOfGroup()) {
                classes.add(out ? "first-outgoing" : "first-incoming");
            }
            if (failed) {
                classes.add("failed");
            }
            bubble.getStyleClass().setAll(classes);
            reactions.setAlignment(out ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
            bubbleRow.setAlignment(out ? Pos.TOP_RIGHT : Pos.TOP_LEFT);
            bubbleRow.setPadding(new javafx.geometry.Insets(row.firstOfGroup() ? 6 : 0, out ? 0 : 80, 0, out ? 80 : 0));
        }
    }

    private void showSender(MessageView m, boolean first) {
        boolean shown = m.showsSender() && first;
        if (m.showsSender() && senderAvatar == null) {
            senderAvatar = new dev.parley.desktop.ui.common.AvatarView(true);
            senderAvatar.setGroup(false);
            senderAvatar.setAlignment(Pos.CENTER);
            bubbleRow.getChildren().add(0, senderAvatar);
        }
        if (senderAvatar != null) {
            // the avatar keeps its place on later bubbles of the run, so they line up under the first
            senderAvatar.setManaged(m.showsSender());
            senderAvatar.setVisible(shown);
            if (shown) {
                senderAvatar.setName(m.sender());
            }
        }
        sender.setVisible(shown);
        sender.setManaged(shown);
        if (shown) {
            attach(sender);
            sender.setText(m.sender());
            int colour = dev.parley.desktop.ui.common.Avatars.colorIndex(m.sender());
            for (int i = 0; i < SENDER_COLOURS.length; i++) {
                sender.pseudoClassStateChanged(SENDER_COLOURS[i], i == colour);
            }
        }
    }

    /** Puts {@code part} into the bubble at its place in {@link #bubbleOrder} unless it is there already. */
    private void attach(Node part) {
        OrderedChildren.attach(part, bubble, bubbleOrder);
    }

    private void showQuote(MessageView m) {
        boolean shown = m.quote().isPresent() && !m.deleted();
        quote.setVisible(shown);
        quote.setManaged(shown);
        if (!shown) {
            return;
        }
        attach(quote);
        QuoteView q = m.quote().get();
        quoteAuthor.setText(q.author().map(a -> a.equals(actions.ownUsernameProperty().get())
                ? messages.get("main.you") : a).orElse(""));
        quoteAuthor.setVisible(q.found());
        quoteAuthor.setManaged(q.found());
        quoteText.setText(!q.found() ? messages.get("message.reply.notFound")
                : q.snippet().map(t -> t.lines().findFirst().orElse("")).orElse(messages.get("message.deleted")));
    }

    /**
     * Messages with web links or emoji show them in a text flow (links clickable, emoji as colour images: JavaFX
     * cannot draw colour emoji fonts); others keep the plain label (cheaper). A message of one to three emoji and
     * nothing else shows them large. {@code shownText} is the text or, for a file, its caption.
     */
    private void showLinks(MessageView m, String shownText) {
        boolean rich = !m.deleted() && (LinkText.hasLink(shownText) || EmojiIndex.bundled().hasEmoji(shownText));
        text.setVisible(!rich);
        text.setManaged(!rich);
        linkText.setVisible(rich);
        linkText.setManaged(rich);
        if (!rich) {
            if (!linkText.getChildren().isEmpty()) {
                linkText.getChildren().clear();
            }
            return;
        }
        attach(linkText);
        double emojiSize = BubbleEmoji.sizeFor(shownText);
        List<javafx.scene.Node> parts = new ArrayList<>();
        for (LinkText.Segment segment : LinkText.split(shownText)) {
            if (segment.link()) {
                Hyperlink link = new Hyperlink(segment.text());
                link.getStyleClass().add("message-link");
                link.setOnAction(e -> menu.openLink(bubble, segment.text()));
                parts.add(link);
            } else {
                parts.addAll(EmojiText.nodes(segment.text(), "bubble-link-text", emojiSize));
            }
        }
        linkText.getChildren().setAll(parts);
    }

    private void showHighlight() {
        ChatRow row = getItem();
        boolean on = row instanceof ChatRow.MessageRow && !isEmpty()
                && ((ChatRow.MessageRow) row).id().equals(highlighted.get());
        bubble.pseudoClassStateChanged(HIGHLIGHT, on);
    }

    /** The bubble of the message shown, for anchoring its menu; null for other rows. */
    javafx.scene.Node bubbleIfMessage() {
        return getItem() instanceof ChatRow.MessageRow && !isEmpty() && !((ChatRow.MessageRow) getItem()).message().system()
                ? bubble : null;
    }
}
