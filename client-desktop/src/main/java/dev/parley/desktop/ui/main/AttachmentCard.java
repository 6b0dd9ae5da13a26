package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.AttachmentView;
import dev.parley.desktop.ui.common.EmojiLabels;
import dev.parley.desktop.ui.common.MessageView;
import dev.parley.desktop.ui.common.UserMessages;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.collections.MapChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The file of a message inside its bubble: an image as a thumbnail (a click opens the viewer), any other file as a
 * card with an icon, its name and size; "Save as"; the download's progress with Cancel, and Retry after a failure;
 * "no longer available on the relay" when it expired. Cells reuse one card for many messages, so the card listens
 * only to what it shows now: the downloads while it shows a file, the state of the one download it shows; showing
 * another message or nothing ({@link #clear}) lets go of the old one's (a card a cell no longer uses, or a download
 * that ended, is not kept alive by its listeners nor updated by them).
 */
final class AttachmentCard extends VBox {
    static final double THUMBNAIL_WIDTH = 240;
    static final double ICON_SIZE = 26;
    /** Emoji in a file's name, as images of this height. */
    static final double NAME_EMOJI_SIZE = 16;
    private final AttachmentsViewModel files;
    private final UserMessages messages;
    private final ImageView thumbnail = new ImageView();
    private final StackPane thumbnailFrame = new StackPane(thumbnail);
    /** The page emoji, drawn as the bundled image (a label's font drew it as a box, issue #13). */
    private final Label icon = EmojiLabels.single("\uD83D\uDCC4", ICON_SIZE);
    private final Label name = new Label();
    private final Label size = new Label();
    private final Hyperlink saveAs = new Hyperlink();
    /**
     * A download's progress with Cancel, and its problem with Retry: made for the first file this card shows with a
     * download or a problem. Most cards never show them, and every node of a cell costs CSS work when the chat makes
     * its cells (the first photos of a burst, issue #13).
     */
    private TransferRows rows;
    private MessageView shown;
    private Transfer bound;
    /** Whether {@link #downloadChanged} is on the downloads map: exactly while the card shows a file. */
    private boolean listening;
    private final MapChangeListener<String, Transfer> downloadChanged = c -> {
        if (shown != null && c.getKey().equals(shown.id())) {
            showTransfer();
        }
    };
    private final ChangeListener<Transfer.State> stateChanged = (obs, was, now) -> {
        if (bound != null) {
            showTransferState(bound);
        }
    };

    AttachmentCard(AttachmentsViewModel files, UserMessages messages, Consumer<MessageView> open,
                   Consumer<MessageView> save) {
        this.files = Objects.requireNonNull(files);
        this.messages = Objects.requireNonNull(messages);
        getStyleClass().add("attachment-card");
        setSpacing(4);
        thumbnail.setPreserveRatio(true);
        thumbnail.setFitWidth(THUMBNAIL_WIDTH);
        thumbnailFrame.getStyleClass().add("attachment-thumbnail");
        thumbnailFrame.setAlignment(Pos.CENTER_LEFT);
        thumbnailFrame.setOnMouseClicked(e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY && shown != null) {
                open.accept(shown);
                e.consume();
            }
        });
        icon.getStyleClass().add("attachment-icon");
        name.getStyleClass().add("attachment-name");
        size.getStyleClass().add("attachment-size");
        saveAs.setText(messages.get("attachment.saveAs"));
        saveAs.getStyleClass().add("attachment-save");
        saveAs.setMinWidth(Region.USE_PREF_SIZE); // a long file name gives way, not the link (it ends in "…")
        saveAs.setOnAction(e -> {
            if (shown != null) {
                save.accept(shown);
            }
        });
        VBox text = new VBox(1, name, size);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox fileRow = new HBox(8, icon, text, saveAs);
        fileRow.setAlignment(Pos.CENTER_LEFT);
        fileRow.getStyleClass().add("attachment-file");
        getChildren().setAll(thumbnailFrame, fileRow);
    }

    /** Shows {@code message}'s file (it has one). */
    void show(MessageView message) {
        AttachmentView file = message.attachment().orElseThrow();
        boolean sameMessage = shown != null && shown.id().equals(message.id());
        shown = message;
        EmojiLabels.showFileName(name, file.fileName(), NAME_EMOJI_SIZE);
        size.setText(FileSizes.format(file.size(), Locale.getDefault()));
        boolean image = file.image() && file.thumbnail().length > 0;
        visible(thumbnailFrame, image);
        icon.setVisible(!image);
        icon.setManaged(!image);
        if (image) {
            if (!sameMessage) {
                thumbnail.setImage(null);
                thumbnail.setFitHeight(file.width() > 0 ? Math.min(THUMBNAIL_WIDTH * file.height() / file.width(), 320) : 0);
            }
            String id = message.id();
            files.thumbnail(message, img -> {
                if (shown != null && shown.id().equals(id)) {
                    thumbnail.setImage(img);
                    thumbnail.setFitHeight(0);
                }
            });
        }
        boolean gone = file.state() == AttachmentView.State.EXPIRED || file.state() == AttachmentView.State.INVALID;
        saveAs.setVisible(!gone);
        saveAs.setManaged(!gone);
        if (!listening) {
            files.downloads().addListener(downloadChanged);
            listening = true;
        }
        showTransfer();
    }

    /**
     * Shows no message (its cell is empty or shows a row without a file): lets go of the message, its thumbnail, its
     * download and every listener the card had for them.
     */
    void clear() {
        unbind();
        if (listening) {
            files.downloads().removeListener(downloadChanged);
            listening = false;
        }
        shown = null;
        thumbnail.setImage(null);
    }

    private void unbind() {
        if (bound != null) {
            bound.stateProperty().removeListener(stateChanged);
            rows.progress.progressProperty().unbind();
            rows.problem.textProperty().unbind();
            bound = null;
        }
    }

    private void showTransfer() {
        unbind();
        AttachmentView file = shown.attachment().orElseThrow();
        Transfer transfer = files.downloads().get(shown.id());
        boolean gone = file.state() == AttachmentView.State.EXPIRED || file.state() == AttachmentView.State.INVALID;
        if (transfer == null && !gone && rows == null) {
            return; // nothing to show, and nothing shown before
        }
        TransferRows rows = rows();
        if (transfer != null) {
            bound = transfer;
            rows.progress.progressProperty().bind(transfer.progressProperty());
            rows.problem.textProperty().bind(transfer.errorProperty());
            transfer.stateProperty().addListener(stateChanged);
            showTransferState(transfer);
            return;
        }
        visible(rows.progressRow, false);
        rows.problem.setText(file.state() == AttachmentView.State.EXPIRED ? messages.get("attachment.error.GONE")
                : file.state() == AttachmentView.State.INVALID ? messages.get("attachment.error.INVALID") : "");
        visible(rows.problemRow, gone);
        visible(rows.retry, false);
    }

    private void showTransferState(Transfer transfer) {
        boolean running = transfer.stateProperty().get() == Transfer.State.RUNNING;
        visible(rows.progressRow, running);
        visible(rows.problemRow, !running);
        visible(rows.retry, !running);
    }

    private TransferRows rows() {
        if (rows == null) {
            rows = new TransferRows(messages, () -> bound);
            getChildren().addAll(rows.progressRow, rows.problemRow);
        }
        return rows;
    }

    /** The progress row (bar, Cancel) and the problem row (text, Retry) of the transfer {@code bound} gives. */
    private static final class TransferRows {
        final ProgressBar progress = new ProgressBar();
        final Hyperlink cancel = new Hyperlink();
        final HBox progressRow = new HBox(6, progress, cancel);
        final Label problem = new Label();
        final Hyperlink retry = new Hyperlink();
        final HBox problemRow = new HBox(6, problem, retry);

        TransferRows(UserMessages messages, java.util.function.Supplier<Transfer> bound) {
            progress.getStyleClass().add("attachment-progress");
            progress.setPrefWidth(160);
            cancel.setText(messages.get("attachment.cancel"));
            cancel.setOnAction(e -> {
                if (bound.get() != null) {
                    bound.get().cancel();
                }
            });
            progressRow.setAlignment(Pos.CENTER_LEFT);
            problem.getStyleClass().add("attachment-problem");
            problem.setWrapText(true);
            retry.setText(messages.get("attachment.retry"));
            retry.setOnAction(e -> {
                if (bound.get() != null) {
                    bound.get().retry();
                }
            });
            problemRow.setAlignment(Pos.CENTER_LEFT);
        }
    }

    private static void visible(javafx.scene.Node node, boolean on) {
        node.setVisible(on);
        node.setManaged(on);
    }
}
