package dev.parley.desktop.ui.common;

import java.util.Objects;
import java.util.Optional;

/**
 * What a reply shows of the message it quotes.
 *
 * @param targetId the quoted message's id (to jump to it)
 * @param author   who wrote it; empty when the original was not in this history ("original not found")
 * @param snippet  the start of its text; empty when not found or deleted since
 */
public record QuoteView(String targetId, Optional<String> author, Optional<String> snippet) {
    public QuoteView {
        Objects.requireNonNull(targetId);
        Objects.requireNonNull(author);
        Objects.requireNonNull(snippet);
    }

    public boolean found() {
        return author.isPresent();
    }

    @Override
    public String toString() {
        return "QuoteView[" + (found() ? "found" : "not found") + "]";
    }
}
