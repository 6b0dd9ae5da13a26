package dev.parley.desktop.ui;

import dev.parley.desktop.ui.common.DesktopHooks;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The desktop as the tests see it: what the app put on the clipboard and which links it opened, in order. */
final class RecordedDesktop implements DesktopHooks {
    final List<String> copied = new CopyOnWriteArrayList<>();
    final List<String> opened = new CopyOnWriteArrayList<>();

    @Override
    public void copyText(String text) {
        copied.add(text);
    }

    @Override
    public void openLink(String url) {
        opened.add(url);
    }
}
