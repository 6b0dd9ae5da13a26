package dev.parley.desktop.service;

/** The profile is already open: in another window or process of Parley on this computer. */
public final class ProfileInUseException extends ServiceException {
    private static final long serialVersionUID = 1L;

    public ProfileInUseException(String message, Throwable cause) {
        super(message, cause);
    }
}
