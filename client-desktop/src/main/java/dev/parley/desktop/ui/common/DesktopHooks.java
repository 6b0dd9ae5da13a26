package dev.parley.desktop.ui.common;

/**
 * What the chat hands to the desktop outside the window: the clipboard. Behind an interface so tests can observe what
 * was copied without a system clipboard.
 */
public interface DesktopHooks {

    /** Puts {@code text} on the clipboard as plain text. Call on the UI thread. */
    void copyText(String text);

    /** The system clipboard through JavaFX. */
    static DesktopHooks system() {
        return text -> {
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.putString(text);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        };
    }
}
