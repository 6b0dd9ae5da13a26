package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.h2.DatabaseOpenException.Reason;
import java.sql.SQLException;

/** Maps H2's error codes at open time to {@link DatabaseOpenException} reasons. */
final class H2Errors {
    static final int FILE_ENCRYPTION_ERROR = 90049;
    static final int DATABASE_ALREADY_OPEN = 90020;
    static final int DATABASE_NOT_FOUND = 90013;
    static final int DATABASE_NOT_FOUND_WITH_IF_EXISTS = 90146;
    static final int WRONG_USER_OR_PASSWORD = 28000;

    private H2Errors() {
    }

    static DatabaseOpenException map(SQLException e) {
        switch (e.getErrorCode()) {
            case FILE_ENCRYPTION_ERROR:
                return new DatabaseOpenException(Reason.WRONG_KEY, "the key does not decrypt the database", e);
            case DATABASE_ALREADY_OPEN:
                return new DatabaseOpenException(Reason.IN_USE, "the database is in use by another process", e);
            case DATABASE_NOT_FOUND:
            case DATABASE_NOT_FOUND_WITH_IF_EXISTS:
                return new DatabaseOpenException(Reason.MISSING, "no database file", e);
            case WRONG_USER_OR_PASSWORD:
                return new DatabaseOpenException(Reason.CORRUPT, "the file is not a Parley database", e);
            default:
                return new DatabaseOpenException(Reason.CORRUPT,
                        "the database file is damaged (database error " + e.getErrorCode() + ")", e);
        }
    }
}
