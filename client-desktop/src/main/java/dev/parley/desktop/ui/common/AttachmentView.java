package dev.parley.desktop.ui.common;

import java.util.Objects;

/**
 * A message's file as the UI shows it: what the pointer says about it (never its key or relay id) and where its
 * bytes are.
 *
 * @param fileName    the sanitised file name (never used as a path as-is)
 * @param size        the plaintext size in bytes
 * @param contentType the MIME type the sender gave
 * @param width       image width in pixels, 0 when not an image
 * @param height      image height in pixels, 0 when not an image
 * @param thumbnail   a small JPEG sent inline with the pointer; empty when there is none
 * @param state       where the bytes are
 * @param caption     the text sent with it; empty when none
 */
public record AttachmentView(String fileName, long size, String contentType, int width, int height, byte[] thumbnail,
                             State state, String caption) {

    /** Where the file's bytes are, as this device knows it. */
    public enum State {
        /** Sent: the ciphertext is on the relay. */
        UPLOADED,
        /** Received, still on the relay. */
        AVAILABLE,
        /** Received and kept (encrypted) in the profile. */
        DOWNLOADED,
        /** The relay no longer has it. */
        EXPIRED,
        /** What the relay served did not match what the sender sent. */
        INVALID
    }

    public AttachmentView {
        Objects.requireNonNull(fileName);
        Objects.requireNonNull(contentType);
        Objects.requireNonNull(state);
        Objects.requireNonNull(caption);
        thumbnail = thumbnail == null ? new byte[0] : thumbnail;
    }

    /** Whether it is shown as a picture (a thumbnail came with it, or it is an image type). */
    public boolean image() {
        return contentType.startsWith("image/") && (thumbnail.length > 0 || width > 0);
    }

    public AttachmentView withState(State next) {
        return new AttachmentView(fileName, size, contentType, width, height, thumbnail, next, caption);
    }

    @Override
    public String toString() {
        return "AttachmentView[" + contentType + ", " + size + " bytes, " + state + "]";
    }
}
