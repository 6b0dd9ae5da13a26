package dev.parley.crypto.identity;

import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import dev.parley.crypto.kdf.Kdf;
import dev.parley.crypto.kdf.Label;
import dev.parley.crypto.primitives.ConstantTime;
import dev.parley.crypto.primitives.CryptoProvider;
import java.util.Arrays;

/**
 * The safety number two users compare to verify each other's identity keys: 60 decimal digits and a QR payload,
 * both identical on the two sides whatever the order of arguments.
 *
 * <p>Per user, with identity key {@code ik} and username {@code name} (ASCII, 3-32 bytes, the relay's rule):
 * {@code h0 = SHA-512("parley/v1/safety-number" || 0x00 || u16 version || ik || u8 len(name) || name)},
 * {@code h(i+1) = SHA-512(h(i) || ik)} for {@value #ITERATIONS} iterations (version 2 binds the username, as Signal
 * binds its stable identifier; version 1 hashed the key alone); the fingerprint is the first 30 bytes of
 * the last hash, read as six 5-byte big-endian integers, each reduced mod 100000 and written as 5 digits. The
 * 60-digit number is the two 30-digit fingerprints in ascending string order. The QR payload is
 * {@code version (1 byte) || fingerprintBytes(first) || fingerprintBytes(second)} (32 bytes each) in the same order.
 */
public final class SafetyNumber {
    public static final int ITERATIONS = 5200;
    /** Version of the fingerprint construction, hashed into it and written as the QR payload's first byte. */
    public static final int VERSION = 2;
    public static final int QR_PAYLOAD_BYTES = 1 + 32 + 32;
    private static final int FINGERPRINT_BYTES = 32;

    private final String digits;
    private final byte[] qrPayload;

    private SafetyNumber(String digits, byte[] qrPayload) {
        this.digits = digits;
        this.qrPayload = qrPayload;
    }

    /**
     * The safety number of the pair ({@code a}, {@code nameA}), ({@code b}, {@code nameB}); symmetric in the two users.
     *
     * @throws IllegalArgumentException if a username breaks the relay's rule ({@code Usernames.isValid})
     */
    public static SafetyNumber compute(CryptoProvider provider, IdentityKey a, String nameA, IdentityKey b, String nameB) {
        byte[] fa = fingerprint(provider, a, nameA);
        byte[] fb = fingerprint(provider, b, nameB);
        String da = digitsOf(fa);
        String db = digitsOf(fb);
        boolean aFirst = da.compareTo(db) <= 0;
        byte[] first = aFirst ? fa : fb;
        byte[] second = aFirst ? fb : fa;
        byte[] qr = new byte[QR_PAYLOAD_BYTES];
        qr[0] = VERSION;
        System.arraycopy(first, 0, qr, 1, FINGERPRINT_BYTES);
        System.arraycopy(second, 0, qr, 1 + FINGERPRINT_BYTES, FINGERPRINT_BYTES);
        return new SafetyNumber(aFirst ? da + db : db + da, qr);
    }

    /**
     * One user's half of every safety number they take part in: the 30 digits derived from their identity key and
     * username alone (what a contact link carries, issue #14). A safety number is the two halves in ascending order.
     *
     * @throws IllegalArgumentException if the username breaks the relay's rule ({@code Usernames.isValid})
     */
    public static String fingerprintDigits(CryptoProvider provider, IdentityKey key, String username) {
        return digitsOf(fingerprint(provider, key, username));
    }

    /** The 60 digits, no separators. */
    public String digits() {
        return digits;
    }

    /** The 60 digits in 12 groups of 5, separated by spaces, for display. */
    public String displayString() {
        StringBuilder sb = new StringBuilder(72);
        for (int i = 0; i < digits.length(); i += 5) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(digits, i, i + 5);
        }
        return sb.toString();
    }

    /** The bytes to encode in a QR code ({@value #QR_PAYLOAD_BYTES} bytes). */
    public byte[] qrPayload() {
        return qrPayload.clone();
    }

    /**
     * Whether a scanned QR payload shows the same pair of identity keys.
     *
     * @throws UnsupportedVersionException if the payload's version byte is not {@link #VERSION}
     * @throws InvalidMessageException     if the payload has the wrong length
     */
    public boolean matchesScanned(byte[] scanned) throws UnsupportedVersionException, InvalidMessageException {
        if (scanned == null || scanned.length == 0) {
            throw new InvalidMessageException("safety number QR payload: empty");
        }
        if (scanned[0] != VERSION) {
            throw new UnsupportedVersionException("safety number QR payload: unknown version " + scanned[0]);
        }
        if (scanned.length != QR_PAYLOAD_BYTES) {
            throw new InvalidMessageException("safety number QR payload: wrong length");
        }
        return ConstantTime.equals(qrPayload, scanned);
    }

    private static byte[] fingerprint(CryptoProvider provider, IdentityKey key, String username) {
        if (!dev.parley.crypto.wire.Usernames.isValid(username)) {
            throw new IllegalArgumentException("not a valid username");
        }
        byte[] ik = key.unsafeBytes();
        byte[] name = username.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] hash = provider.sha512(Kdf.concat(Label.SAFETY_NUMBER, new byte[] {0, VERSION}, ik,
                new byte[] {(byte) name.length}, name));
        byte[] buffer = new byte[hash.length + ik.length];
        System.arraycopy(ik, 0, buffer, hash.length, ik.length);
        for (int i = 0; i < ITERATIONS; i++) {
            System.arraycopy(hash, 0, buffer, 0, hash.length);
            hash = provider.sha512(buffer);
        }
        return Arrays.copyOf(hash, FINGERPRINT_BYTES);
    }

    private static String digitsOf(byte[] fingerprint) {
        StringBuilder sb = new StringBuilder(30);
        for (int chunk = 0; chunk < 6; chunk++) {
            long value = 0;
            for (int i = 0; i < 5; i++) {
                value = (value << 8) | (fingerprint[chunk * 5 + i] & 0xFF);
            }
            sb.append(String.format("%05d", value % 100_000));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SafetyNumber other && digits.equals(other.digits) && Arrays.equals(qrPayload, other.qrPayload);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return "SafetyNumber[hidden]";
    }
}
