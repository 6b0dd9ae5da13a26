package dev.parley.desktop.ui.common;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the chat hands to the desktop outside the window: the clipboard and the web browser. Behind an interface so
 * tests can observe what was copied and which link was opened, without a system clipboard or browser.
 */
public interface DesktopHooks {

    /** Puts {@code text} on the clipboard as plain text. Call on the UI thread. */
    void copyText(String text);

    /** Opens {@code url} (an http or https link the user confirmed) in the system browser. */
    void openLink(String url);

    /**
     * The system clipboard through JavaFX, and {@code browser} for links (the app passes its
     * {@code HostServices::showDocument}).
     */
    static DesktopHooks system(Consumer<String> browser) {
        Objects.requireNonNull(browser);
        return new DesktopHooks() {
            @Override
            public void copyText(String text) {
                javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
                content.putString(text);
                javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            }

            @Override
            public void openLink(String url) {
                browser.accept(url);
            }
        };
    }
}
