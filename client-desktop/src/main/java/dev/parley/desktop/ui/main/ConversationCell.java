package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.EmojiIndex;
import dev.parley.desktop.ui.common.EmojiLabels;
import dev.parley.desktop.ui.common.EmojiText;
import dev.parley.desktop.ui.common.AvatarView;
import dev.parley.desktop.ui.common.ContactLook;
import java.util.function.Function;
import dev.parley.desktop.ui.common.TimeLabels;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A conversation list row: avatar (image or initials, presence dot), name (nickname, display name or username), time,
 * preview, unread badge, muted mark.
 */
final class ConversationCell extends ListCell<ConversationItem> {
    private final TimeLabels times;
    private final Function<String, ContactLook> looks;
    private final AvatarView avatar = new AvatarView(false);
    private final Label name = new Label();
    private final Label time = new Label();
    private final Label preview = new Label();
    private final Label badge = new Label();
    /** Made for the first muted row this cell shows (most rows are not: every node of a row costs CSS work). */
    private Label mutedMark;
    private static final javafx.css.PseudoClass UNREAD = javafx.css.PseudoClass.getPseudoClass("unread");
    private static final javafx.css.PseudoClass MUTED_BADGE = javafx.css.PseudoClass.getPseudoClass("muted");
    private static final String PAPERCLIP = "\uD83D\uDCCE";
    private static final String MUTED = "\uD83D\uDD07";
    private static final double EMOJI_SIZE = 14;
    /** The paperclip before a file's preview; made for the first file this cell shows. */
    private javafx.scene.image.ImageView paperclip;
    /** A group's member count, after its title; made for the first group row this cell shows. */
    private Label members;
    private final HBox top;
    private final HBox root;

    /** Re-shows this row's person when their look changes (held weakly by the map: a discarded cell goes). */
    private final javafx.collections.MapChangeListener<String, ContactLook> lookChanged = c -> {
        ConversationItem item = getItem();
        if (item != null && !isEmpty() && !item.contact().isGroup() && item.username().equals(c.getKey())
                && c.wasAdded()) {
            showLook(c.getValueAdded());
        }
    };

    /**
     * @param looks        how a person looks now (their username and initials until loaded)
     * @param lookChanges  the looks as they change: a row updates itself when its person's look arrives or changes,
     *                     rather than the whole list being rebuilt for every one of a thousand looks after unlock
     */
    ConversationCell(TimeLabels times, Function<String, ContactLook> looks,
                     javafx.collections.ObservableMap<String, ContactLook> lookChanges) {
        this.times = times;
        this.looks = looks;
        lookChanges.addListener(new javafx.collections.WeakMapChangeListener<>(lookChanged));
        name.getStyleClass().add("conversation-name");
        time.getStyleClass().add("conversation-time");
        preview.getStyleClass().add("conversation-preview");
        badge.getStyleClass().add("unread-badge");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        top = new HBox(6, name, spacer, time);
        top.setAlignment(Pos.BASELINE_LEFT);
        Region spacer2 = new Region();
        HBox.setHgrow(spacer2, Priority.ALWAYS);
        preview.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(preview, Priority.ALWAYS);
        HBox bottom = new HBox(6, preview, badge);
        bottom.setAlignment(Pos.CENTER_LEFT);
        VBox text = new VBox(3, top, bottom);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMinWidth(0);
        name.setMinWidth(0);
        preview.setMinWidth(0);
        time.setMinWidth(Region.USE_PREF_SIZE);
        badge.setMinWidth(Region.USE_PREF_SIZE);
        root = new HBox(avatar, text);
        root.getStyleClass().add("conversation-cell");
        root.setMinWidth(0);
        // the cell never asks for more width than the list has, so long previews end in an ellipsis
        setPrefWidth(0);
        setText(null);
    }

    private Label members() {
        if (members == null) {
            members = new Label();
            members.getStyleClass().add("conversation-members");
            members.setMinWidth(Region.USE_PREF_SIZE);
            top.getChildren().add(1, members);
        }
        return members;
    }

    private Label mutedMark() {
        if (mutedMark == null) {
            mutedMark = EmojiLabels.single(MUTED, EMOJI_SIZE);
            mutedMark.getStyleClass().add("muted-mark");
            // after the name and, if there is one, the member count
            top.getChildren().add(top.getChildren().indexOf(name) + (members == null ? 1 : 2), mutedMark);
        }
        return mutedMark;
    }

    /**
     * The preview line. A file's stored body starts with a paperclip emoji ({@code AttachmentBodies}), which the
     * label's font cannot draw (JavaFX does not fall back to the bundled emoji font, so it showed as a box): it is
     * drawn as the bundled emoji image before the text instead. A file whose name has emoji shows them as images
     * too ({@link EmojiLabels}).
     */
    private void showPreview(String text) {
        boolean file = text.contains(PAPERCLIP + " ") && EmojiText.isSingleEmoji(PAPERCLIP);
        if (file && EmojiIndex.bundled().hasEmoji(text.replace(PAPERCLIP + " ", ""))) {
            // a file named with emoji: the whole line as text and emoji images (issue #13)
            EmojiLabels.show(preview, text, EMOJI_SIZE);
        } else if (file) {
            if (paperclip == null) {
                paperclip = EmojiText.view(PAPERCLIP, EMOJI_SIZE);
            }
            preview.setGraphic(paperclip);
            preview.setText(text.replace(PAPERCLIP + " ", ""));
        } else {
            preview.setGraphic(null);
            preview.setText(text);
        }
    }

    private void showLook(ContactLook look) {
        avatar.setLook(look);
        name.setText(look.shown());
    }

    @Override
    protected void updateItem(ConversationItem item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            // hidden, not detached: a row taken out of the scene and put back has all its styles applied again
            // (FixedRowListSkin keeps the cells; a filter keystroke that empties a cell must not undo that)
            root.setVisible(false);
            return;
        }
        root.setVisible(true);
        if (item.contact().isGroup()) {
            // a group's title and initials; people get their display name, avatar and presence (#14)
            avatar.setName(item.contact().shownName());
            name.setText(item.contact().shownName());
        } else {
            showLook(looks.apply(item.username()));
        }
        avatar.setGroup(item.contact().isGroup());
        if (item.contact().isGroup() || members != null) {
            Label count = members();
            count.setVisible(item.contact().isGroup());
            count.setManaged(item.contact().isGroup());
            count.setText(item.contact().isGroup() ? "\u00B7 " + item.contact().group().members() : "");
        }
        time.setText(item.lastActivity().map(times::listStamp).orElse(""));
        // pseudo-classes, not style classes: switching one re-uses the styles found, a style class change looks
        // them all up again (a row shows another conversation on every filter keystroke, issue #14)
        time.pseudoClassStateChanged(UNREAD, item.unread() > 0);
        showPreview(item.preview());
        badge.setText(item.unread() > 99 ? "99+" : Integer.toString(item.unread()));
        badge.setVisible(item.unread() > 0);
        if (item.muted() || mutedMark != null) {
            Label mark = mutedMark();
            mark.setVisible(item.muted());
            mark.setManaged(item.muted());
        }
        badge.pseudoClassStateChanged(MUTED_BADGE, item.muted());
        badge.setManaged(item.unread() > 0);
        setGraphic(root);
    }
}
