package dev.parley.desktop.storage;

/**
 * The profile's own account: its username and the relay it talks to (for example {@code wss://relay.example:8443}).
 * Stored inside the encrypted database, never in the plaintext profile header.
 */
public record AccountInfo(String username, String relayAddress) {
    public AccountInfo {
        Identifiers.check(username, "username", ConversationId.MAX_LENGTH);
        Identifiers.check(relayAddress, "relay address", 512);
    }
}
