package dev.parley.relay.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key under which the H2 stores file a username: HMAC-SHA256(secret, SHA-256("parley/v1/relay-username" || 0x00
 * || username)), with a 32-byte secret the relay keeps in its data directory ({@value #SECRET_FILE}, created 0600).
 * The database lists no usernames, and without the secret a stolen database cannot be checked against guesses (the
 * username alphabet is small enough to enumerate unkeyed hashes). The inner SHA-256 is the key Parley 0.1 stored,
 * so a 0.1 database is migrated by keying what it holds ({@link #rekey(byte[])}) without knowing any username.
 *
 * <p>Every store and acknowledgement names its recipient, so the keys of recent usernames are remembered (up to
 * {@value #REMEMBERED} of them; when full the memory starts over). Computing a key is a SHA-256 and an HMAC-SHA256,
 * about 0.4 µs once the JIT has compiled them with the CPU's SHA instructions, far more before: in a profile of a
 * relay storing blobs on a loaded machine they were a fifth of its samples (docs/benchmarks.md, "the stored path on
 * PostgreSQL with Parley's client"). A remembered key costs a map look-up and a 32-byte copy.
 */
final class UsernameKey {
    static final String SECRET_FILE = "username-key";
    private static final byte[] LABEL = "parley/v1/relay-username\0".getBytes(StandardCharsets.US_ASCII);
    private static final int SECRET_BYTES = 32;
    /** Usernames whose keys are remembered: about 200 bytes each, so at most a few MB. */
    static final int REMEMBERED = 16_384;

    private final SecretKeySpec secret;
    private final ThreadLocal<Mac> macs;
    private final ConcurrentHashMap<String, byte[]> remembered = new ConcurrentHashMap<>();

    UsernameKey(byte[] secret) {
        if (secret.length != SECRET_BYTES) {
            throw new IllegalArgumentException("the username secret must be 32 bytes");
        }
        this.secret = new SecretKeySpec(secret, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** Reads the secret of {@code dir}, creating it (0600, complete or not at all) on first use. */
    static UsernameKey loadOrCreate(Path dir) throws IOException {
        Path file = dir.resolve(SECRET_FILE);
        if (!Files.exists(file)) {
            byte[] fresh = new byte[SECRET_BYTES];
            new SecureRandom().nextBytes(fresh);
            try {
                DataDirectory.createPrivately(file, (HexFormat.of().formatHex(fresh) + "\n").getBytes(StandardCharsets.US_ASCII));
            } catch (FileAlreadyExistsException raced) {
                // another process created it first: use theirs
            }
        }
        byte[] secret;
        try {
            secret = HexFormat.of().parseHex(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException e) {
            throw new IOException("the username secret file is damaged", e);
        }
        if (secret.length != SECRET_BYTES) {
            throw new IOException("the username secret file is damaged");
        }
        return new UsernameKey(secret);
    }

    /** The key of {@code username}: a fresh array the caller may keep or change. */
    byte[] of(String username) {
        byte[] key = remembered.get(username);
        if (key == null) {
            key = rekey(legacy(username));
            if (remembered.size() >= REMEMBERED) {
                remembered.clear();
            }
            remembered.put(username, key);
        }
        return key.clone();
    }

    /** The keyed form of a key Parley 0.1 stored. */
    byte[] rekey(byte[] legacyKey) {
        return macs.get().doFinal(legacyKey);
    }

    /** SHA-256("parley/v1/relay-username" || 0x00 || username): the unkeyed hash Parley 0.1 stored. */
    static byte[] legacy(String username) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(LABEL);
            return sha.digest(username.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
