package dev.parley.desktop.event;

/**
 * Issue #17, history transfer at link time: posted on the new device after each chunk of the account's history it
 * imported (after the commit), so a screen can show the progress.
 *
 * @param messagesReceived messages carried by the chunks received so far (imported, or skipped as already here)
 * @param messagesTotal    messages in the whole transfer, as the sending device counted them when it began
 * @param complete         every chunk of the transfer arrived
 */
public record HistoryTransferEvent(long messagesReceived, long messagesTotal, boolean complete) implements AppEvent {
}
