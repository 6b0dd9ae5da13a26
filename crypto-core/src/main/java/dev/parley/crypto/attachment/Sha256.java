package dev.parley.crypto.attachment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Streaming SHA-256 (FIPS 180-4), which every Java runtime provides. */
final class Sha256 {
    private Sha256() {
    }

    static MessageDigest create() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
