package dev.parley.desktop.ui.common;

/** Opens the app's secondary windows. Implemented by the app shell; called by controllers. */
public interface Dialogs {

    void addContact();

    void safetyNumber(String contact);

    void settings();
}
