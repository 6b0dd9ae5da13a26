package dev.parley.desktop.ui.common;

/**
 * Every FXML view of the app, named once. Paths are relative to {@code /dev/parley/desktop/ui/}. The first screens
 * (onboarding, unlock) are built in code instead, so starting Parley loads no FXML ({@code ui.unlock.WelcomeCards}).
 */
public enum FxmlView {
    RESTORE("unlock/restore.fxml"),
    JOIN("unlock/join.fxml"),
    MAIN("main/main.fxml"),
    /** The open chat, built when first needed ({@code MainController}). */
    CHAT("main/chat.fxml"),
    /** The search panel, built when the search first opens. */
    SEARCH("main/search.fxml"),
    ADD_CONTACT("contacts/add_contact.fxml"),
    SAFETY_NUMBER("contacts/safety_number.fxml"),
    SETTINGS("settings/settings.fxml");

    private static final String BASE = "/dev/parley/desktop/ui/";

    private final String path;

    FxmlView(String path) {
        this.path = path;
    }

    /** The classpath resource name of the FXML file. */
    public String resource() {
        return BASE + path;
    }
}
