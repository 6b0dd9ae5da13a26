package dev.parley.desktop.storage;

import java.util.Objects;
import java.util.Optional;

/**
 * What a reply shows of the message it quotes, copied when the reply was stored.
 *
 * @param target  the quoted message's id
 * @param author  who wrote it; null when the original was not in this history when the reply arrived
 * @param snippet the start of its text (at most {@link #MAX_SNIPPET_CHARS}); null when the original is not here or
 *                was deleted since (the copy is erased with it)
 */
public record Quote(MessageId target, String author, String snippet) {
    public static final int MAX_SNIPPET_CHARS = 200;
    public static final String NOT_FOUND_TEXT = "Original message not found";

    public Quote {
        Objects.requireNonNull(target, "target");
        if (author == null && snippet != null) {
            throw new IllegalArgumentException("a snippet needs its author");
        }
        if (snippet != null && snippet.length() > MAX_SNIPPET_CHARS) {
            throw new IllegalArgumentException("snippet longer than " + MAX_SNIPPET_CHARS + " characters");
        }
    }

    /** A quote of a message this history does not have. */
    public static Quote notFound(MessageId target) {
        return new Quote(target, null, null);
    }

    /** A quote of {@code original}: its author and the start of its current text (nothing of a tombstone). */
    public static Quote of(Message original) {
        String text = original.deleted() ? null : original.body();
        if (text != null && text.length() > MAX_SNIPPET_CHARS) {
            int end = MAX_SNIPPET_CHARS;
            if (Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            text = text.substring(0, end);
        }
        return new Quote(original.messageId(), original.sender(), text);
    }

    /** Whether the original was in this history when the reply was stored. */
    public boolean found() {
        return author != null;
    }

    public Optional<String> snippetText() {
        return Optional.ofNullable(snippet);
    }

    /** What to show in the quote: the snippet, "This message was deleted", or "Original message not found". */
    public String displayText() {
        if (!found()) {
            return NOT_FOUND_TEXT;
        }
        return snippet != null ? snippet : Message.TOMBSTONE_TEXT;
    }

    @Override
    public String toString() {
        return "Quote[" + target + (found() ? "" : ", not found") + "]";
    }
}
