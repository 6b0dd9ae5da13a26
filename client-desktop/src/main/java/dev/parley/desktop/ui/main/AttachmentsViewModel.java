package dev.parley.desktop.ui.main;

import dev.parley.desktop.service.TransferFailure;
import dev.parley.desktop.ui.common.AttachmentView;
import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.ContactView;
import dev.parley.desktop.ui.common.MessageView;
import dev.parley.desktop.ui.common.UiServices;
import dev.parley.desktop.ui.common.UserMessages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.scene.image.Image;

/**
 * Files in the open chat: the file chosen (paperclip, drag and drop, a pasted image) and previewed with an optional
 * caption before it is sent; the uploads under way, each with progress, cancel and retry; downloads ("Save as" and
 * the image viewer) per message; thumbnails decoded off the UI thread. Observable state only; every service call
 * runs through {@link BackgroundTasks}; all methods on the UI thread.
 */
public final class AttachmentsViewModel {
    /** Largest preview edge in the composer, in pixels. */
    static final int PREVIEW_EDGE = 160;

    /**
     * The files chosen to send (one, or several dropped at once), shown in the composer until sent or dismissed.
     *
     * @param name  the file's name, or "N files"
     * @param size  the total size in bytes
     * @param preview the first file's image, when it is one
     */
    public record PendingFile(List<Path> paths, String name, long size, Optional<Image> preview, boolean temporary) {
        public PendingFile {
            paths = List.copyOf(paths);
        }

        /** The (first) file. */
        public Path path() {
            return paths.get(0);
        }
    }

    private final UiServices services;
    private final BackgroundTasks tasks;
    private final UserMessages messages;
    private final Supplier<ContactView> contact;
    private final Consumer<MessageView> sent;
    private final ChangeRow change;
    private final ThumbnailCache thumbnails;
    private final ReadOnlyObjectWrapper<PendingFile> pending = new ReadOnlyObjectWrapper<>(this, "pending");
    private final StringProperty caption = new SimpleStringProperty(this, "caption", "");
    private final ObservableList<Transfer> uploads = FXCollections.observableArrayList();
    private final UploadQueue queue = new UploadQueue();
    private final ObservableMap<String, Transfer> downloads = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");

    /** Changes a loaded row of the chat: the message with this id, if it is loaded. */
    @FunctionalInterface
    interface ChangeRow {
        void apply(String messageId, UnaryOperator<MessageView> change);
    }

    AttachmentsViewModel(UiServices services, BackgroundTasks tasks, UserMessages messages,
                         Supplier<ContactView> contact, Consumer<MessageView> sent, ChangeRow change) {
        this.services = Objects.requireNonNull(services);
        this.tasks = Objects.requireNonNull(tasks);
        this.messages = Objects.requireNonNull(messages);
        this.contact = Objects.requireNonNull(contact);
        this.sent = Objects.requireNonNull(sent);
        this.change = Objects.requireNonNull(change);
        this.thumbnails = new ThumbnailCache(tasks);
    }

    /** The file waiting in the composer, or null. */
    public ReadOnlyObjectProperty<PendingFile> pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    /** The caption typed for the pending file. */
    public StringProperty captionProperty() {
        return caption;
    }

    /** Uploads under way or failed (a finished one leaves: its message is in the chat). */
    public ObservableList<Transfer> uploads() {
        return uploads;
    }

    /** Downloads under way or failed, by message id. */
    public ObservableMap<String, Transfer> downloads() {
        return downloads;
    }

    /** Why the last file action failed (unreadable file...); empty when none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the last finished save did ("Saved name"); empty when none. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Ends the notice (the view shows it for a few seconds). */
    public void clearNotice() {
        notice.set("");
    }

    /** Chooses {@code file} to send: checks it can be read and previews it (an image) off the UI thread. */
    public void choose(Path file) {
        choose(List.of(file), false);
    }

    /**
     * Chooses several files at once (dropped on the chat): checked off the UI thread; the composer shows how many and
     * previews the first; Send sends each as its own message.
     */
    public void chooseAll(List<Path> files) {
        if (!files.isEmpty()) {
            choose(files, false);
        }
    }

    private void choose(List<Path> files, boolean temporary) {
        if (contact.get() == null || !contact.get().canSend()) {
            return;
        }
        error.set("");
        String several = files.size() > 1 ? messages.get("attachment.files", files.size()) : null;
        tasks.run(() -> inspect(files, several, temporary), chosen -> {
            discardPending();
            pending.set(chosen);
        }, e -> error.set(describe(e)));
    }

    private static PendingFile inspect(List<Path> files, String several, boolean temporary) throws IOException {
        long total = 0;
        for (Path file : files) {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new UnreadableFileException();
            }
            total += Files.size(file);
        }
        PendingFile first = inspect(files.get(0), temporary);
        return several == null ? first : new PendingFile(files, several, total, first.preview(), false);
    }

    private static PendingFile inspect(Path file, boolean temporary) throws IOException {
        long size = Files.size(file);
        Optional<Image> preview = Optional.empty();
        String type = Files.probeContentType(file);
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (type != null && type.startsWith("image/") || name.endsWith(".png") || name.endsWith(".jpg")
                || name.endsWith(".jpeg") || name.endsWith(".gif")) {
            // the one image decoder, subsampled to about the preview's size (not a 36 MB decode of a 12 MP photo)
            preview = dev.parley.desktop.service.attachment.ImageDecoder.decode(file, PREVIEW_EDGE, PREVIEW_EDGE)
                    .map(decoded -> ViewerImage.of(decoded).image());
        }
        return new PendingFile(List.of(file), file.getFileName().toString(), size, preview, temporary);
    }

    /** Chooses a pasted image: written as a PNG to an owner-only temporary file (removed once sent or dismissed). */
    public void choosePasted(Image image) {
        if (contact.get() == null || !contact.get().canSend()) {
            return;
        }
        tasks.run(() -> PastedImages.write(image), file -> choose(List.of(file), true), e -> error.set(describe(e)));
    }

    /** Drops the pending file (and its temporary copy, for a pasted image). */
    public void dismissPending() {
        discardPending();
        pending.set(null);
        caption.set("");
    }

    private void discardPending() {
        PendingFile old = pending.get();
        if (old != null && old.temporary()) {
            PastedImages.delete(old.path());
        }
    }

    /** Sends the pending file with the caption: an upload appears with its progress until the message is sent. */
    public void sendPending() {
        PendingFile file = pending.get();
        ContactView to = contact.get();
        if (file == null || to == null || !to.canSend()) {
            return;
        }
        String text = caption.get().strip();
        pending.set(null);
        caption.set("");
        List<Transfer> added = new ArrayList<>(file.paths().size());
        for (Path path : file.paths()) {
            // the caption goes with the first file
            String itsCaption = added.isEmpty() ? text : "";
            Transfer upload = new Transfer(path.getFileName().toString(), tasks.uiThread());
            upload.onRetry(() -> upload(upload, to.username(), path, file.temporary(), itsCaption));
            upload.onAbandon(() -> tasks.runVoid(() -> services.abandonUpload(to.username(), path), () -> {
                if (file.temporary()) {
                    PastedImages.delete(path);
                }
            }, e -> error.set(describe(e))));
            added.add(upload);
        }
        uploads.addAll(added);
        for (int i = 0; i < added.size(); i++) {
            Transfer upload = added.get(i);
            upload(upload, to.username(), file.paths().get(i), file.temporary(), i == 0 ? text : "");
        }
    }

    /** Queues the upload; it starts when its turn comes ({@link UploadQueue}). */
    private void upload(Transfer upload, String to, Path path, boolean temporary, String text) {
        queue.add(upload, done -> {
            upload.started();
            tasks.runHeavy(() -> services.sendFile(to, path, text, upload), message -> {
                done.run();
                uploads.remove(upload);
                if (temporary) {
                    PastedImages.delete(path);
                }
                sent.accept(message);
            }, e -> {
                done.run();
                Optional<TransferFailure.Reason> reason = TransferFailure.of(e);
                upload.failed(describe(e), reason.filter(TransferFailure.Reason.CANCELLED::equals).isPresent(),
                        reason.filter(r -> r == TransferFailure.Reason.TOO_LARGE
                                || r == TransferFailure.Reason.UNREADABLE).isEmpty());
            });
        });
    }

    /** Cancels an upload: one waiting its turn at once, a running one before its next chunk. */
    public void cancel(Transfer upload) {
        if (queue.remove(upload)) {
            upload.failed(messages.get("attachment.error.CANCELLED"), true);
        } else {
            upload.cancel();
        }
    }

    /** Removes a failed or cancelled upload from the list and gives it up (what it kept for a retry goes). */
    public void dismiss(Transfer upload) {
        if (!upload.active() && uploads.remove(upload)) {
            upload.abandon();
        }
    }

    /** Downloads (if needed), verifies and decrypts the message's file to {@code target}, with progress on its card. */
    public void save(MessageView message, Path target) {
        Transfer download = startDownload(message);
        download.onRetry(() -> save(message, target));
        tasks.runHeavy(() -> services.saveFile(message, target, download), written -> {
            downloads.remove(message.id());
            notice.set(messages.get("attachment.saved", written.getFileName().toString()));
            downloaded(message);
        }, e -> downloadFailed(message, download, e));
    }

    /**
     * Downloads (if needed) and decrypts the message's image in memory, decodes it with about as many pixels as a box
     * of {@code maxWidth} x {@code maxHeight} shows (every pixel for {@code ImageDecoder.FULL_SIZE}: the viewer at
     * 100%), then calls {@code show} with it. A 12-megapixel photo fitted to the screen never has its 36 MB of pixels
     * in memory.
     */
    public void view(MessageView message, int maxWidth, int maxHeight, Consumer<ViewerImage> show) {
        Transfer download = startDownload(message);
        download.onRetry(() -> view(message, maxWidth, maxHeight, show));
        tasks.run(() -> ViewerImage.of(services.image(message, maxWidth, maxHeight, download)), image -> {
            downloads.remove(message.id());
            downloaded(message);
            show.accept(image);
        }, e -> downloadFailed(message, download, e));
    }

    private Transfer startDownload(MessageView message) {
        Transfer download = downloads.get(message.id());
        if (download == null) {
            download = new Transfer(message.attachment().map(AttachmentView::fileName).orElse(""), tasks.uiThread());
            downloads.put(message.id(), download);
        }
        download.started();
        notice.set("");
        return download;
    }

    private void downloaded(MessageView message) {
        if (message.attachment().filter(a -> a.state() == AttachmentView.State.AVAILABLE).isPresent()) {
            change.apply(message.id(), m -> m.withAttachment(m.attachment().map(a -> a.withState(AttachmentView.State.DOWNLOADED))));
        }
    }

    private void downloadFailed(MessageView message, Transfer download, Exception e) {
        Optional<TransferFailure.Reason> reason = TransferFailure.of(e);
        if (reason.filter(r -> r == TransferFailure.Reason.GONE || r == TransferFailure.Reason.INVALID).isPresent()) {
            downloads.remove(message.id());
            AttachmentView.State state = reason.get() == TransferFailure.Reason.GONE ? AttachmentView.State.EXPIRED
                    : AttachmentView.State.INVALID;
            change.apply(message.id(), m -> m.withAttachment(m.attachment().map(a -> a.withState(state))));
            return;
        }
        download.failed(describe(e), reason.filter(TransferFailure.Reason.CANCELLED::equals).isPresent());
    }

    /** Drops a failed or cancelled download's bar. */
    public void dismissDownload(String messageId) {
        Transfer download = downloads.get(messageId);
        if (download != null && download.stateProperty().get() != Transfer.State.RUNNING) {
            downloads.remove(messageId);
        }
    }

    /** A message that arrived as an event carries no file yet: looks it up and puts it on its row. */
    void resolve(MessageView message) {
        if (message.deleted() || message.attachment().isPresent()) {
            return;
        }
        tasks.run(() -> services.withAttachment(message), withFile -> withFile.attachment()
                .ifPresent(a -> change.apply(message.id(), m -> m.withAttachment(Optional.of(a)))),
                e -> error.set(describe(e)));
    }

    /** Calls {@code show} with the message's thumbnail, decoded off the UI thread (now when cached). */
    public void thumbnail(MessageView message, Consumer<Image> show) {
        message.attachment().filter(a -> a.thumbnail().length > 0)
                .ifPresent(a -> thumbnails.load(message.id(), a.thumbnail(), show));
    }

    /** Whether the message's thumbnail is decoded already. */
    public boolean hasThumbnail(String messageId) {
        return thumbnails.has(messageId);
    }

    /** Another conversation opened: the pending file goes (uploads and downloads go on). */
    void conversationChanged() {
        dismissPending();
        error.set("");
        notice.set("");
    }

    /** The sentence for a failed file action: one per transfer reason, else the general one. */
    String describe(Exception e) {
        if (e instanceof UnreadableFileException) {
            return messages.get("attachment.error.UNREADABLE");
        }
        return TransferFailure.of(e).map(r -> messages.get("attachment.error." + r.name()))
                .orElseGet(() -> messages.describe(e));
    }

    /** The chosen path is not a readable regular file. */
    static final class UnreadableFileException extends IOException {
        private static final long serialVersionUID = 1L;

        UnreadableFileException() {
            super("not a readable file");
        }
    }
}
