package dev.parley.desktop.service;

/** The username to add as a contact is the profile's own: a conversation needs someone else. */
public final class CannotAddSelfException extends ServiceException {
    private static final long serialVersionUID = 1L;

    public CannotAddSelfException(String message) {
        super(message);
    }
}
