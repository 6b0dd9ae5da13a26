package dev.parley.desktop.ui.common;

import javafx.collections.ObservableMap;

/**
 * Where the UI gets how contacts look (issue #14). {@link #looks()} changes on the FX thread only; {@link #request}
 * loads (or reloads) one contact's look in the background.
 */
public interface ContactLookSource {
    /** The looks loaded so far, by username. */
    ObservableMap<String, ContactLook> looks();

    /** Loads {@code username}'s look if it is not loaded yet (the map changes later, on the FX thread). */
    void request(String username);

    /**
     * How this user looks to their contacts (their own profile's name and picture, issue #14); null until loaded.
     * Changes on the FX thread.
     */
    javafx.beans.property.ReadOnlyObjectProperty<ContactLook> own();

    /** A source that knows nothing: everyone shows as their username with initials. */
    static ContactLookSource none() {
        ObservableMap<String, ContactLook> empty = javafx.collections.FXCollections.observableHashMap();
        javafx.beans.property.ReadOnlyObjectWrapper<ContactLook> nobody = new javafx.beans.property.ReadOnlyObjectWrapper<>();
        return new ContactLookSource() {
            @Override
            public javafx.beans.property.ReadOnlyObjectProperty<ContactLook> own() {
                return nobody.getReadOnlyProperty();
            }

            @Override
            public ObservableMap<String, ContactLook> looks() {
                return empty;
            }

            @Override
            public void request(String username) {
            }
        };
    }
}
