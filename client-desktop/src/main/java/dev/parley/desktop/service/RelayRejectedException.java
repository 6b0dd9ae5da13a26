package dev.parley.desktop.service;

/** The relay answered but refused the request (bad invite code, rate limit, malformed request...). */
public final class RelayRejectedException extends ServiceException {
    private static final long serialVersionUID = 1L;

    public RelayRejectedException(String message) {
        super(message);
    }

    public RelayRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
