package dev.parley.desktop.service;

/** The user is blocked: nothing is sent to them until they are unblocked. */
public final class BlockedUserException extends ServiceException {
    private static final long serialVersionUID = 1L;

    public BlockedUserException(String message) {
        super(message);
    }
}
