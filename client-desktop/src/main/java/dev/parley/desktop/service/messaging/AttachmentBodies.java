package dev.parley.desktop.service.messaging;

import dev.parley.crypto.payload.Payload;

/**
 * The message body stored for an attachment: a paperclip, the (sanitised) file name and the caption on the next
 * line, so that every view of the history and the search show something meaningful for it.
 */
public final class AttachmentBodies {
    private AttachmentBodies() {
    }

    public static String body(Payload.Attachment attachment) {
        String caption = attachment.caption();
        return "\uD83D\uDCCE " + attachment.pointer().fileName() + (caption.isEmpty() ? "" : "\n" + caption);
    }

    /** The caption in a body made by {@link #body}: everything after its first line (file names have no newline). */
    public static String caption(String body) {
        int newline = body.indexOf('\n');
        return newline < 0 ? "" : body.substring(newline + 1);
    }
}
