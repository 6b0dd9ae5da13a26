package dev.parley.crypto.link;

/** A linking exchange was refused; the message says why in words fit for the user, and never holds key material. */
public final class LinkRefusedException extends Exception {
    /** Why the exchange stopped. */
    public enum Reason {
        /** A MAC did not verify: the wrong code, or a relay (or anyone) that replaced a key in the exchange. */
        TAMPERED,
        /** The code's ten minutes are over. */
        EXPIRED,
        /** Not a linking message of this version. */
        MALFORMED
    }

    private final Reason reason;

    LinkRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
