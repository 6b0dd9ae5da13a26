package dev.parley.crypto.secret;

import java.security.MessageDigest;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * Secret key material that can be wiped.
 *
 * <p>The holder owns its own copy: the constructor copies its argument and {@link #bytes()} hands out a copy, so a
 * caller can never keep a live alias to the secret after {@link #destroy()}. Use it with try-with-resources for
 * temporaries. {@link #toString()} never prints the content.
 */
public final class SecretBytes implements Destroyable, AutoCloseable {

    private final byte[] value;
    private volatile boolean destroyed;

    private SecretBytes(byte[] value) {
        this.value = value;
    }

    /** Copies {@code bytes}; the caller may (and should) wipe its own array afterwards. */
    public static SecretBytes copyOf(byte[] bytes) {
        return new SecretBytes(bytes.clone());
    }

    /** Takes ownership of {@code bytes} without copying and wipes nothing the caller still holds elsewhere. */
    public static SecretBytes wrap(byte[] bytes) {
        return new SecretBytes(bytes);
    }

    /** A fresh copy of the secret. The caller should wipe it ({@link #wipe(byte[])}) when done. */
    public byte[] bytes() {
        checkAlive();
        return value.clone();
    }

    public int length() {
        return value.length;
    }

    /** An independent holder with the same content. */
    public SecretBytes copy() {
        checkAlive();
        return copyOf(value);
    }

    /** Constant-time comparison of contents. */
    public boolean contentEquals(SecretBytes other) {
        checkAlive();
        other.checkAlive();
        return MessageDigest.isEqual(value, other.value);
    }

    @Override
    public void destroy() {
        Arrays.fill(value, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return "SecretBytes[" + value.length + " bytes" + (destroyed ? ", destroyed" : "") + "]";
    }

    /** Zeroes an array that held secret material; null is allowed. */
    public static void wipe(byte[] bytes) {
        if (bytes != null) {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private void checkAlive() {
        if (destroyed) {
            throw new IllegalStateException("secret was destroyed");
        }
    }
}
