package dev.parley.desktop.profile;

/** A profile name or data directory that could escape the data directory or inject H2 options. */
public class InvalidProfileNameException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidProfileNameException(String message) {
        super(message);
    }
}
