package dev.parley.desktop.net;

import java.io.IOException;

/** The relay link is (or became) closed before a request was answered, or a frame could not be written. */
public final class RelayLinkClosedException extends IOException {
    private static final long serialVersionUID = 1L;

    public RelayLinkClosedException(String message) {
        super(message);
    }

    public RelayLinkClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
