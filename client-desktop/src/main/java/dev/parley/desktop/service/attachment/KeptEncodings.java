package dev.parley.desktop.service.attachment;

import dev.parley.crypto.primitives.AuthenticationFailedException;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.RandomSource;
import dev.parley.crypto.primitives.SecretBox;
import dev.parley.crypto.secret.SecretBytes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The first metadata-free encoding of an image whose upload has begun, kept until the upload is announced so that a
 * retry (after a cancel, a lost connection or a crash) sends the very same bytes and resumes from the relay's count
 * instead of starting over with a new encoding. Kept in the profile's attachment directory as {@code <id>.encoding},
 * owner-only, sealed (XSalsa20-Poly1305, random nonce) under a key derived from the upload's own file key (HKDF,
 * label below), which lives only in the encrypted profile database: the file is useless without the profile. The
 * upload's row is recorded before its encoding is written and the encoding goes when the row goes
 * ({@link AttachmentFiles} removes any whose row is gone).
 */
final class KeptEncodings {
    private static final byte[] LABEL = "parley kept image encoding v1".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT = 1;

    private final CryptoProvider crypto;
    private final RandomSource random;
    private final Path directory;

    KeptEncodings(CryptoProvider crypto, RandomSource random, Path directory) {
        this.crypto = crypto;
        this.random = random;
        this.directory = directory;
    }

    /** Keeps {@code image} (a re-encoding held in memory) for the upload {@code attachmentId} made with {@code fileKey}. */
    void keep(byte[] attachmentId, byte[] fileKey, PreparedFile image) throws IOException {
        byte[] encoded;
        try (InputStream in = image.source().open()) {
            encoded = in.readAllBytes();
        }
        ByteArrayOutputStream plain = new ByteArrayOutputStream(encoded.length + image.thumbnail().length + 64);
        try (DataOutputStream out = new DataOutputStream(plain)) {
            out.writeInt(FORMAT);
            out.writeUTF(image.contentType());
            out.writeInt(image.width());
            out.writeInt(image.height());
            out.writeInt(image.thumbnail().length);
            out.write(image.thumbnail());
            out.writeInt(encoded.length);
            out.write(encoded);
        }
        byte[] nonce = random.bytes(SecretBox.NONCE_BYTES);
        byte[] sealed;
        byte[] bytes = plain.toByteArray();
        try (SecretBytes key = derive(fileKey)) {
            sealed = crypto.secretBox().seal(key, nonce, bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        Files.createDirectories(directory);
        // named after the upload, so the orphan sweep (AttachmentFiles) can tell whose it is after a crash
        Path temporary = directory.resolve(HexFormat.of().formatHex(attachmentId) + ".encoding.tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary);
        try {
            ownerOnly(temporary);
            Files.write(temporary, concat(nonce, sealed));
            Files.move(temporary, path(attachmentId), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The kept encoding of that upload, if there is one and it opens with that key. */
    Optional<PreparedFile> load(byte[] attachmentId, byte[] fileKey) throws IOException {
        Path file = path(attachmentId);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        byte[] all = Files.readAllBytes(file);
        if (all.length <= SecretBox.NONCE_BYTES) {
            return Optional.empty();
        }
        byte[] plain;
        try (SecretBytes key = derive(fileKey)) {
            plain = crypto.secretBox().open(key, Arrays.copyOf(all, SecretBox.NONCE_BYTES),
                    Arrays.copyOfRange(all, SecretBox.NONCE_BYTES, all.length));
        } catch (AuthenticationFailedException e) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
            if (in.readInt() != FORMAT) {
                return Optional.empty();
            }
            String contentType = in.readUTF();
            int width = in.readInt();
            int height = in.readInt();
            byte[] thumbnail = in.readNBytes(in.readInt());
            byte[] encoded = in.readNBytes(in.readInt());
            return Optional.of(new PreparedFile(() -> new ByteArrayInputStream(encoded), encoded.length, contentType,
                    width, height, thumbnail, false));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** Removes the kept encoding of that upload (announced, or no longer resumable). */
    void forget(byte[] attachmentId) {
        try {
            Files.deleteIfExists(path(attachmentId));
        } catch (IOException e) {
            // left for the next retry of the same file to replace; it cannot be opened without the profile
        }
    }

    private Path path(byte[] attachmentId) {
        return directory.resolve(HexFormat.of().formatHex(attachmentId) + ".encoding");
    }

    private SecretBytes derive(byte[] fileKey) {
        return SecretBytes.wrap(crypto.hkdf().deriveSha256(null, fileKey, LABEL, 32));
    }

    private static void ownerOnly(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
