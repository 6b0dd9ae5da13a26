package dev.parley.crypto.link;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * What the existing device shows to link a new one (docs/protocol.md 1.18): the linking secret (80 bits) and, in the
 * link form only, the existing device's ephemeral public key. The short code is the secret in Crockford base32, 16
 * characters in groups of four ({@code 7K3M-Q9XD-0B4T-2RHW}); the link is
 * {@code parley://link/} followed by base64url (no padding) of the key and the secret.
 */
public record LinkCode(Optional<byte[]> offerKey, byte[] secret) {
    public static final String URI_PREFIX = "parley://link/";
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public LinkCode {
        if (secret == null || secret.length != DeviceLinking.SECRET_BYTES) {
            throw new IllegalArgumentException("a linking secret is " + DeviceLinking.SECRET_BYTES + " bytes");
        }
        offerKey.ifPresent(k -> {
            if (k.length != 32) {
                throw new IllegalArgumentException("a linking key is 32 bytes");
            }
        });
        secret = secret.clone();
        offerKey = offerKey.map(byte[]::clone);
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    /** The {@code parley://link/...} form; only a code made with the key has one. */
    public String uri() {
        byte[] key = offerKey.orElseThrow(() -> new IllegalStateException("a short code carries no key"));
        byte[] both = new byte[32 + secret.length];
        System.arraycopy(key, 0, both, 0, 32);
        System.arraycopy(secret, 0, both, 32, secret.length);
        return URI_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(both);
    }

    /** The 16-character short code, in groups of four. */
    public String shortCode() {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : secret) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                if (out.length() % 5 == 4) {
                    out.append('-');
                }
                out.append(ALPHABET.charAt((buffer >> bits) & 31));
            }
        }
        return out.toString();
    }

    /**
     * Reads a link or a short code as a user typed or pasted it (case, spaces and dashes do not matter; O reads as 0,
     * I and L as 1).
     *
     * @throws IllegalArgumentException with a message fit for the user when it is neither
     */
    public static LinkCode parse(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith(URI_PREFIX)) {
            byte[] both;
            try {
                both = Base64.getUrlDecoder().decode(trimmed.substring(URI_PREFIX.length()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a Parley linking link");
            }
            if (both.length != 32 + DeviceLinking.SECRET_BYTES) {
                throw new IllegalArgumentException("not a Parley linking link");
            }
            return new LinkCode(Optional.of(Arrays.copyOf(both, 32)), Arrays.copyOfRange(both, 32, both.length));
        }
        String code = trimmed.toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "")
                .replace('O', '0').replace('I', '1').replace('L', '1');
        if (code.length() != 16) {
            throw new IllegalArgumentException("a linking code has 16 letters and digits");
        }
        byte[] secret = new byte[DeviceLinking.SECRET_BYTES];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (char c : code.toCharArray()) {
            int value = ALPHABET.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("a linking code has only the letters and digits it was shown with");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                secret[index++] = (byte) (buffer >> bits);
            }
        }
        return new LinkCode(Optional.empty(), secret);
    }

    @Override
    public String toString() {
        return "LinkCode[secret hidden]";
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
