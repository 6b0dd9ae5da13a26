package dev.parley.desktop.storage.history;

/** The rows of a history chunk are not in the format {@link HistoryRowsCodec} writes: nothing of the chunk is kept. */
public final class MalformedHistoryException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedHistoryException(String message) {
        super(message, null, false, false);
    }
}
