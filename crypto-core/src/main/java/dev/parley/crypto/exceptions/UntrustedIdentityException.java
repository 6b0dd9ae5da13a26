package dev.parley.crypto.exceptions;

/**
 * The peer's identity key differs from the one the {@code IdentityKeyStore} trusts for that peer. The client should
 * show the safety-number change and let the user accept the new key ({@code IdentityKeyStore.saveIdentity}).
 */
public class UntrustedIdentityException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    private final String username;

    /** @param username the peer whose identity is not trusted; kept as a field, never put in the message */
    public UntrustedIdentityException(String username) {
        super("peer identity key is not trusted");
        this.username = username;
    }

    /** The peer whose identity key is not trusted. */
    public String username() {
        return username;
    }
}
