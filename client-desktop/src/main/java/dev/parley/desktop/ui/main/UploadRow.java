package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.EmojiLabels;
import dev.parley.desktop.ui.common.UserMessages;
import java.util.Objects;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * One row of the composer's uploads: "Waiting to send" and the file's name while the upload waits its turn, then
 * "Sending" with its progress bar; why it failed, Cancel, Retry and Dismiss.
 * Made once with the window and shown for one upload after another (as a list cell is), so a burst of dropped photos
 * puts no new node into the scene: a new node's styles are looked up when it joins the scene, and three rows of
 * them at the drop held the FX thread longest of the whole burst (issue #13). FX thread only.
 */
final class UploadRow {
    private final HBox row;
    private final Label name = new Label();
    private final ProgressBar bar = new ProgressBar(0);
    private final Label problem = new Label();
    private final Hyperlink cancel;
    private final Hyperlink retry;
    private final Hyperlink dismiss;
    private final UserMessages messages;
    private final ChangeListener<Transfer.State> stateChanged = (obs, was, now) -> showState();
    private Transfer upload;
    /** The name line shown, so a state change that keeps it does not lay its emoji out again. */
    private String shownName = "";

    UploadRow(AttachmentsViewModel files, UserMessages messages) {
        this.messages = Objects.requireNonNull(messages);
        name.getStyleClass().add("attachment-name");
        bar.getStyleClass().add("attachment-progress");
        bar.setPrefWidth(180);
        problem.getStyleClass().add("attachment-problem");
        problem.setWrapText(true);
        cancel = new Hyperlink(messages.get("attachment.cancel"));
        cancel.setOnAction(e -> files.cancel(upload));
        retry = new Hyperlink(messages.get("attachment.retry"));
        retry.setOnAction(e -> upload.retry());
        dismiss = new Hyperlink(messages.get("attachment.dismiss"));
        dismiss.setOnAction(e -> files.dismiss(upload));
        HBox.setHgrow(problem, Priority.ALWAYS);
        row = new HBox(8, name, bar, problem, cancel, retry, dismiss);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("attachment-upload");
        show(null);
    }

    /** The row's node (in the uploads panel for good; hidden while it shows no upload). */
    Node node() {
        return row;
    }

    /** The upload shown, or null. */
    Transfer upload() {
        return upload;
    }

    /** Shows {@code next} (null: none, the row hides); nothing changes when it is the upload shown already. */
    void show(Transfer next) {
        if (next == upload && next != null) {
            return;
        }
        if (upload != null) {
            upload.stateProperty().removeListener(stateChanged);
            bar.progressProperty().unbind();
            problem.textProperty().unbind();
        }
        upload = next;
        row.setVisible(next != null);
        row.setManaged(next != null);
        if (next == null) {
            // nothing of the last upload stays in the row, hidden or not (its name, its problem, its links)
            showName("");
            bar.setProgress(0);
            problem.setText("");
        } else {
            bar.progressProperty().bind(next.progressProperty());
            problem.textProperty().bind(next.errorProperty());
            next.stateProperty().addListener(stateChanged);
        }
        showState();
    }

    private void showState() {
        boolean waiting = upload != null && upload.stateProperty().get() == Transfer.State.QUEUED;
        boolean running = upload != null && upload.stateProperty().get() == Transfer.State.RUNNING;
        boolean stopped = upload != null && !upload.active();
        if (upload != null) {
            // an upload waiting its turn is not being sent yet, and has no progress to show
            showName(messages.get(waiting ? "attachment.waiting" : "attachment.uploading", upload.name()));
        }
        visible(bar, running);
        visible(cancel, running || waiting);
        visible(problem, stopped);
        visible(retry, stopped && upload.retryableProperty().get());
        visible(dismiss, stopped);
    }

    private void showName(String line) {
        if (!line.equals(shownName)) {
            shownName = line;
            EmojiLabels.showFileName(name, line, AttachmentCard.NAME_EMOJI_SIZE);
        }
    }

    private static void visible(Node node, boolean on) {
        node.setVisible(on);
        node.setManaged(on);
    }
}
