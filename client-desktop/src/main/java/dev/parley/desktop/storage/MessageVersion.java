package dev.parley.desktop.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * One text a message had: the original, an earlier edit, or the current text.
 *
 * @param writtenAt when its author wrote it (the sender's clock: sent for the original, edited for an edit)
 */
public record MessageVersion(String body, Instant writtenAt) {
    public MessageVersion {
        Objects.requireNonNull(body, "body");
        writtenAt = Instant.ofEpochMilli(writtenAt.toEpochMilli());
    }

    @Override
    public String toString() {
        return "MessageVersion[" + body.length() + " chars, " + writtenAt + "]";
    }
}
