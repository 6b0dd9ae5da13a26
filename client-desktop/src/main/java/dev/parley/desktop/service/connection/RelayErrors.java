package dev.parley.desktop.service.connection;

import dev.parley.crypto.wire.Response;
import dev.parley.desktop.service.RelayRejectedException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.UnknownUserException;
import dev.parley.desktop.service.UsernameTakenException;

/** Maps the relay's error responses to typed service exceptions. */
final class RelayErrors {
    private RelayErrors() {
    }

    /** The response itself, or its error as a typed exception. */
    static Response successful(Response response) throws ServiceException {
        if (response instanceof Response.ErrorResponse error) {
            throw toException(error);
        }
        return response;
    }

    static ServiceException toException(Response.ErrorResponse error) {
        switch (error.code()) {
            case UNKNOWN_USER:
                return new UnknownUserException("the relay knows no such user");
            case USERNAME_TAKEN:
                return new UsernameTakenException("this username is already registered on the relay");
            case INVALID_INVITE:
                return new RelayRejectedException("the relay needs a valid invite code");
            case INVALID_USERNAME:
                return new RelayRejectedException("invalid username: 3 to 32 characters a-z 0-9 . _ - starting with a letter or digit");
            case RATE_LIMITED:
            case QUEUE_FULL:
                return new RelayRejectedException("the relay asks to retry in " + error.retryAfterMillis() + " ms (" + error.code() + ")");
            case ATTACHMENT_TOO_LARGE:
            case QUOTA_EXCEEDED:
            case STORAGE_FULL:
                return new RelayRejectedException(error.reason() + " (" + error.code() + ")");
            case UNKNOWN_ATTACHMENT:
                return new RelayRejectedException("the file is no longer available on the relay (" + error.code() + ")");
            default:
                return new RelayRejectedException("the relay refused the request: " + error.code());
        }
    }
}
