package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.MessageView;
import java.time.Instant;
import java.util.Optional;

/** Test values: messages as the UI sees them. */
final class Messages {
    private static long position;

    private Messages() {
    }

    static MessageView in(String contact, String text, String at, MessageView.Status status) {
        return new MessageView("m" + (++position), contact, false, text, Instant.parse(at), status, Optional.empty(), position);
    }

    static MessageView out(String contact, String text, String at, MessageView.Status status) {
        return new MessageView("m" + (++position), contact, true, text, Instant.parse(at), status,
                status == MessageView.Status.FAILED ? Optional.of("relay refused") : Optional.empty(), position);
    }
}
