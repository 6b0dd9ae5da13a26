package dev.parley.desktop.ui.main;

import dev.parley.desktop.service.attachment.ImageDecoder;
import dev.parley.desktop.ui.common.EmojiLabels;
import dev.parley.desktop.ui.common.Icons;
import dev.parley.desktop.ui.common.MessageView;
import dev.parley.desktop.ui.common.UserMessages;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The file side of the composer: the paperclip (file dialog), files dropped onto the chat, an image pasted with
 * Ctrl+V; the preview of the chosen file with its caption, Send and Cancel; the uploads with progress, Cancel, Retry
 * and Dismiss. Binds {@link AttachmentsViewModel}; does no work itself.
 */
final class AttachmentControls {
    /** Uploads shown as a row each; the rest are counted on one line. */
    static final int SHOWN_UPLOADS = 3;
    private final AttachmentsViewModel files;
    private final UserMessages messages;
    private final Supplier<FileChoosers> choosers;

    AttachmentControls(AttachmentsViewModel files, UserMessages messages, Supplier<FileChoosers> choosers) {
        this.files = Objects.requireNonNull(files);
        this.messages = Objects.requireNonNull(messages);
        this.choosers = Objects.requireNonNull(choosers);
    }

    /**
     * @param attachButton the paperclip
     * @param preview      where the chosen file's preview goes (above the composer)
     * @param uploads      where the uploads go
     * @param dropTarget   what accepts dropped files (the chat)
     * @param composer     the text area whose Ctrl+V also takes an image
     */
    void bind(Button attachButton, VBox preview, VBox uploads, Node dropTarget, Node composer) {
        attachButton.setGraphic(Icons.PAPERCLIP.node());
        attachButton.setTooltip(new Tooltip(messages.get("attachment.attach")));
        attachButton.setOnAction(e -> choosers.get()
                .fileToSend(attachButton.getScene().getWindow(), messages.get("attachment.choose"))
                .ifPresent(files::choose));
        bindPreview(preview);
        bindUploads(uploads);
        dropTarget.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        dropTarget.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            List<File> dropped = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            if (!dropped.isEmpty()) {
                files.chooseAll(dropped.stream().map(File::toPath).toList());
            }
            e.setDropCompleted(!dropped.isEmpty());
            e.consume();
        });
        composer.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.V) {
                Clipboard clipboard = Clipboard.getSystemClipboard();
                if (clipboard.hasImage() && !clipboard.hasString()) {
                    files.choosePasted(clipboard.getImage());
                    e.consume();
                } else if (clipboard.hasFiles() && !clipboard.hasString()) {
                    files.chooseAll(clipboard.getFiles().stream().map(File::toPath).toList());
                    e.consume();
                }
            }
        });
    }

    /** Asks where to save the message's file, then saves it (progress on its card). */
    void saveAs(Node owner, MessageView message) {
        String name = message.attachment().map(a -> a.fileName()).orElse("");
        choosers.get().saveTarget(owner.getScene().getWindow(), messages.get("attachment.saveTitle"), name)
                .ifPresent(target -> files.save(message, target));
    }

    /**
     * Opens the message's image in the viewer (downloading and decrypting it in memory first), decoded for the
     * viewer's size on this screen; every pixel only when the user asks for 100%.
     */
    void open(Node owner, MessageView message) {
        String name = message.attachment().map(a -> a.fileName()).orElse("");
        ImageViewer.Box box = ImageViewer.box(owner);
        files.view(message, box.pixelWidth(), box.pixelHeight(), image -> ImageViewer.show(owner, name, image, box,
                full -> files.view(message, ImageDecoder.FULL_SIZE, ImageDecoder.FULL_SIZE, full), messages,
                () -> saveAs(owner, message)));
    }

    private void bindPreview(VBox preview) {
        ImageView image = new ImageView();
        image.setPreserveRatio(true);
        image.setFitWidth(AttachmentsViewModel.PREVIEW_EDGE);
        image.setFitHeight(AttachmentsViewModel.PREVIEW_EDGE);
        Label icon = EmojiLabels.single("\uD83D\uDCC4", AttachmentCard.ICON_SIZE);
        icon.getStyleClass().add("attachment-icon");
        Label name = new Label();
        name.getStyleClass().add("attachment-name");
        name.setId("pendingFileName");
        Label size = new Label();
        size.getStyleClass().add("attachment-size");
        TextField caption = new TextField();
        caption.setId("captionField");
        caption.setPromptText(messages.get("attachment.caption"));
        caption.textProperty().bindBidirectional(files.captionProperty());
        caption.setOnAction(e -> files.sendPending());
        Button send = new Button(messages.get("attachment.send"));
        send.setId("sendFileButton");
        send.getStyleClass().add("accent");
        send.setOnAction(e -> files.sendPending());
        Hyperlink cancel = new Hyperlink(messages.get("attachment.cancel"));
        cancel.setId("cancelPendingFile");
        cancel.setOnAction(e -> files.dismissPending());
        VBox text = new VBox(2, name, size, caption);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(10, image, icon, text, send, cancel);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("attachment-preview-row");
        preview.getChildren().setAll(row);
        preview.getStyleClass().add("attachment-preview");
        preview.visibleProperty().bind(files.pendingProperty().isNotNull());
        preview.managedProperty().bind(preview.visibleProperty());
        files.pendingProperty().addListener((obs, was, now) -> {
            if (now == null) {
                image.setImage(null);
                return;
            }
            EmojiLabels.showFileName(name, now.name(), AttachmentCard.NAME_EMOJI_SIZE);
            send.setText(messages.get(now.paths().size() > 1 ? "attachment.sendSeveral" : "attachment.send"));
            size.setText(FileSizes.format(now.size(), Locale.getDefault()));
            image.setImage(now.preview().orElse(null));
            image.setVisible(now.preview().isPresent());
            image.setManaged(now.preview().isPresent());
            icon.setVisible(now.preview().isEmpty());
            icon.setManaged(now.preview().isEmpty());
            javafx.application.Platform.runLater(caption::requestFocus);
        });
    }

    /**
     * The first {@value #SHOWN_UPLOADS} uploads each show in a row, the others are counted on one line ("97 more files
     * waiting"), so 100 dropped photos neither push the chat off the window nor make 100 rows. The rows are made here,
     * once ({@link UploadRow}), and show one upload after another: a drop or a finished upload changes what they
     * show and adds no node to the scene.
     */
    private void bindUploads(VBox uploads) {
        uploads.getStyleClass().add("attachment-uploads");
        uploads.visibleProperty().bind(Bindings.isNotEmpty(files.uploads()));
        uploads.managedProperty().bind(uploads.visibleProperty());
        List<UploadRow> rows = new ArrayList<>(SHOWN_UPLOADS);
        List<Node> nodes = new ArrayList<>(SHOWN_UPLOADS + 1);
        for (int i = 0; i < SHOWN_UPLOADS; i++) {
            UploadRow row = new UploadRow(files, messages);
            rows.add(row);
            nodes.add(row.node());
        }
        Label more = new Label();
        more.setId("moreUploads");
        more.getStyleClass().add("attachment-more");
        nodes.add(more);
        uploads.getChildren().setAll(nodes);
        InvalidationListener show = o -> {
            List<Transfer> all = files.uploads();
            for (int i = 0; i < SHOWN_UPLOADS; i++) {
                rows.get(i).show(i < all.size() ? all.get(i) : null);
            }
            boolean counted = all.size() > SHOWN_UPLOADS;
            if (counted) {
                more.setText(messages.get("attachment.moreUploads", all.size() - SHOWN_UPLOADS));
            }
            more.setVisible(counted);
            more.setManaged(counted);
        };
        files.uploads().addListener(show);
        show.invalidated(files.uploads());
    }
}
