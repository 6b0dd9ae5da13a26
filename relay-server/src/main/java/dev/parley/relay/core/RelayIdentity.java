package dev.parley.relay.core;

import dev.parley.crypto.envelope.SenderCertificate;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.Ed25519KeyPair;
import dev.parley.crypto.secret.SecretBytes;
import dev.parley.crypto.wire.AuthProof;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Who this relay is to its clients: its 16-byte id, its Ed25519 signing key (signs sender certificates; clients pin
 * the public half with the id at {@code init}) and the channel value bound into authentication signatures (the
 * SHA-256 fingerprint of its TLS certificate, or 32 zero bytes without TLS; see {@code AuthProof}).
 */
public record RelayIdentity(byte[] relayId, Ed25519KeyPair signingKey, byte[] channel) {
    /** File in the data directory holding the signing key's 32-byte seed (hex), created 0600. */
    public static final String SIGNING_KEY_FILE = "relay-signing-key";

    public RelayIdentity {
        Objects.requireNonNull(signingKey, "signingKey");
        if (relayId == null || relayId.length != AuthProof.RELAY_ID_BYTES) {
            throw new IllegalArgumentException("relay id: 16 bytes expected");
        }
        if (channel == null || channel.length != AuthProof.CHANNEL_BYTES) {
            throw new IllegalArgumentException("channel: 32 bytes expected");
        }
        relayId = relayId.clone();
        channel = channel.clone();
    }

    /** The key id carried by every certificate this relay signs. */
    public int signingKeyId() {
        return SenderCertificate.keyIdOf(signingKey.publicKey());
    }

    /** The channel value for a TLS certificate fingerprint ("AB:CD:..." hex pairs), or zeros without TLS. */
    public static byte[] channelOf(java.util.Optional<String> tlsFingerprint) {
        return tlsFingerprint.map(f -> HexFormat.of().parseHex(f.replace(":", ""))).orElseGet(AuthProof::noChannel);
    }

    /**
     * Loads the signing key from {@code dir}, or creates it: the file is created with owner-only permissions in the
     * same step as it is created (never written first and restricted after), where the file system supports POSIX
     * permissions.
     */
    public static Ed25519KeyPair loadOrCreateSigningKey(Path dir, CryptoProvider crypto) throws IOException {
        Path file = dir.resolve(SIGNING_KEY_FILE);
        if (!Files.exists(file)) {
            byte[] seed = crypto.random().bytes(32);
            try {
                if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } else {
                    Files.createFile(file);
                }
                try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.SYNC)) {
                    out.write((HexFormat.of().formatHex(seed) + "\n").getBytes(StandardCharsets.US_ASCII));
                }
                return crypto.ed25519().keyPairFromSeed(SecretBytes.wrap(seed));
            } catch (FileAlreadyExistsException raced) {
                SecretBytes.wipe(seed);
            }
        }
        byte[] seed;
        try {
            seed = HexFormat.of().parseHex(Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (IllegalArgumentException e) {
            throw new IOException("the relay signing key file is damaged");
        }
        if (seed.length != 32) {
            throw new IOException("the relay signing key file is damaged");
        }
        return crypto.ed25519().keyPairFromSeed(SecretBytes.wrap(seed));
    }
}
