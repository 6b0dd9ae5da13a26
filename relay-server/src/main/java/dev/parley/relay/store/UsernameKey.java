package dev.parley.relay.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The key under which stores file a username: SHA-256("parley/v1/relay-username" || 0x00 || username). Stores keep
 * only this, so the data directory lists no usernames (a guess can still be checked against it).
 */
final class UsernameKey {
    private static final byte[] LABEL = "parley/v1/relay-username\0".getBytes(StandardCharsets.US_ASCII);

    private UsernameKey() {
    }

    static byte[] of(String username) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(LABEL);
            return sha.digest(username.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
