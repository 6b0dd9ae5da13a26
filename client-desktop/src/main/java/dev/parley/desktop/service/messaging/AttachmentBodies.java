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
}
