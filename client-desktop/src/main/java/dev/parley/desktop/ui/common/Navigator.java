package dev.parley.desktop.ui.common;

/** Switches the window between the app's top-level screens. Implemented by the app shell; called by controllers. */
public interface Navigator {

    /** The create-profile screen, for the given profile name (empty: named after the username). */
    void showOnboarding(String profile);

    /** The restore-from-backup screen (issue #17), for the given profile name (may be empty). */
    void showRestore(String profile);

    /** "Link to an existing account" (issue #17): this computer joins an account as a new device. */
    void showJoin(String profile);

    /** The unlock screen with its profile picker. */
    void showUnlock();

    /** The main window; the profile is unlocked. */
    void showMain();

    /** Locks the profile and returns to the unlock screen. */
    void lock();
}
