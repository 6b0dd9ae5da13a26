package dev.parley.desktop.service;

/**
 * The base of every failure a service reports to its caller (the UI or the CLI). Each subclass is one kind of
 * failure a caller handles differently; messages are short, human-readable and free of secrets and full identifiers.
 */
public abstract sealed class ServiceException extends Exception
        permits WrongPassphraseException, ProfileLockedException, ProfileInUseException, ProfileCorruptException, ProfileExistsException,
        UnknownContactException, UnknownUserException, UsernameTakenException, RelayUnreachableException,
        RelayRejectedException, IdentityChangedException, NotRegisteredException, StorageFailureException,
        InvalidInputException, CannotAddSelfException,
        BlockedUserException,
        BackupUnreadableException {
    private static final long serialVersionUID = 1L;

    protected ServiceException(String message) {
        super(message);
    }

    protected ServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
