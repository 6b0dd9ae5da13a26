package dev.parley.desktop.storage;

import dev.parley.crypto.payload.AttachmentPointer;
import java.util.Objects;

/**
 * A file attached to a stored message: the end-to-end pointer (key included; the profile database is encrypted) and
 * its state. A downloaded file's ciphertext lives in the profile's {@code attachments/} directory under the pointer's
 * id, never decrypted on disk.
 */
public record Attachment(MessageId messageId, AttachmentPointer pointer, AttachmentState state) {
    public Attachment {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(state, "state");
    }

    public Attachment withState(AttachmentState value) {
        return new Attachment(messageId, pointer, value);
    }

    @Override
    public String toString() {
        return "Attachment[" + state + ", " + pointer.size() + " bytes]";
    }
}
