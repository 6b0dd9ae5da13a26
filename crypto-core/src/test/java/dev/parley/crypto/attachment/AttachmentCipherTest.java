package dev.parley.crypto.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.primitives.SecretBox;
import dev.parley.crypto.secret.SecretBytes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The chunked file encryption of docs/protocol.md 1.11. The primitive itself (XSalsa20-Poly1305, both providers) is
 * pinned to the NaCl paper's vectors by {@code NaclAndArgon2VectorsTest}; here the format around it: chunk i is
 * exactly secretbox(key, nonce(i, final), padded slice i), both providers agree byte for byte, and every tampering
 * is detected.
 */
class AttachmentCipherTest {
    private static final int C = AttachmentFormat.PLAIN_CHUNK_BYTES;

    static Stream<CryptoProvider> providers() {
        return Stream.of(CryptoProviders.libsodium(), CryptoProviders.bouncyCastle());
    }

    @Test
    void paddingFollowsSignalsRule() {
        assertThat(AttachmentFormat.paddedSize(0)).isEqualTo(541);
        assertThat(AttachmentFormat.paddedSize(1)).isEqualTo(541);
        assertThat(AttachmentFormat.paddedSize(541)).isEqualTo(541);
        // 1.05^129 = 568.8...: the first bucket above 541 (Signal's rule evaluated independently in Python).
        assertThat(AttachmentFormat.paddedSize(542)).isEqualTo(568);
        assertThat(AttachmentFormat.paddedSize(568)).isEqualTo(568);
        assertThat(AttachmentFormat.paddedSize(569)).isEqualTo(596);
        assertThat(AttachmentFormat.paddedSize(1_000_000)).isEqualTo(1_041_743);
        long previous = 0;
        for (long size = 0; size < 5_000_000; size = size * 3 / 2 + 7) {
            long padded = AttachmentFormat.paddedSize(size);
            assertThat(padded).isGreaterThanOrEqualTo(size).isGreaterThanOrEqualTo(previous);
            assertThat(padded).isLessThanOrEqualTo(Math.max(541, (long) Math.ceil(size * 1.05)));
            // The same value for every size in a bucket: the relay learns only the bucket.
            assertThat(AttachmentFormat.paddedSize(padded)).isEqualTo(padded);
            previous = padded;
        }
        assertThat(AttachmentFormat.paddedSize(AttachmentFormat.MAX_PLAINTEXT_BYTES))
                .isGreaterThanOrEqualTo(AttachmentFormat.MAX_PLAINTEXT_BYTES);
        assertThatThrownBy(() -> AttachmentFormat.paddedSize(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AttachmentFormat.paddedSize(AttachmentFormat.MAX_PLAINTEXT_BYTES + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 540, 541, 542, C - 1, C, C + 1, 3 * C + 5, 100_000})
    void roundTripsEverySizeWithBothProviders(int size) throws Exception {
        byte[] file = randomBytes(size, size);
        SecretBytes key = SecretBytes.copyOf(randomBytes(32, 1));
        Encrypted sodium = encrypt(CryptoProviders.libsodium().secretBox(), key, file);
        Encrypted bc = encrypt(CryptoProviders.bouncyCastle().secretBox(), key, file);
        assertThat(bc.ciphertext()).isEqualTo(sodium.ciphertext());
        assertThat(bc.digest).isEqualTo(sodium.digest);
        assertThat((long) sodium.ciphertext().length).isEqualTo(AttachmentFormat.ciphertextSize(size));
        assertThat(decrypt(CryptoProviders.bouncyCastle().secretBox(), key, size, sodium.digest, sodium.ciphertext()))
                .isEqualTo(file);
        assertThat(decrypt(CryptoProviders.libsodium().secretBox(), key, size, sodium.digest, sodium.ciphertext()))
                .isEqualTo(file);
    }

    @ParameterizedTest
    @MethodSource("providers")
    void eachChunkIsTheSecretboxOfItsPaddedSliceUnderItsIndexAndFinalFlag(CryptoProvider provider) throws Exception {
        int size = 2 * C + 100;
        byte[] file = randomBytes(size, 7);
        SecretBytes key = SecretBytes.copyOf(randomBytes(32, 8));
        Encrypted encrypted = encrypt(provider.secretBox(), key, file);
        byte[] padded = Arrays.copyOf(file, (int) AttachmentFormat.paddedSize(size));
        assertThat(encrypted.chunks).hasSize(3);
        for (int i = 0; i < 3; i++) {
            byte[] slice = Arrays.copyOfRange(padded, i * C, Math.min(padded.length, (i + 1) * C));
            assertThat(encrypted.chunks.get(i)).isEqualTo(provider.secretBox().seal(key, AttachmentFormat.nonce(i, i == 2), slice));
        }
        assertThat(AttachmentFormat.nonce(0x0102030405060708L, true)).isEqualTo(new byte[] {
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 1});
        assertThat(encrypted.digest).isEqualTo(java.security.MessageDigest.getInstance("SHA-256").digest(encrypted.ciphertext()));
    }

    @Test
    void aFlippedByteAnywhereIsDetected() throws Exception {
        SecretBox box = CryptoProviders.libsodium().secretBox();
        int size = 2 * C + 999;
        byte[] file = randomBytes(size, 11);
        SecretBytes key = SecretBytes.copyOf(randomBytes(32, 12));
        Encrypted encrypted = encrypt(box, key, file);
        byte[] ciphertext = encrypted.ciphertext();
        Random random = new Random(13);
        for (int trial = 0; trial < 40; trial++) {
            byte[] tampered = ciphertext.clone();
            int at = trial < 3 ? new int[] {0, C + 16, tampered.length - 1}[trial] : random.nextInt(tampered.length);
            tampered[at] ^= (byte) (1 << random.nextInt(8));
            assertThatThrownBy(() -> decrypt(box, key, size, encrypted.digest, tampered))
                    .isInstanceOf(InvalidMessageException.class);
        }
    }

    @Test
    void reorderedTruncatedExtendedOrForeignCiphertextIsRefused() throws Exception {
        SecretBox box = CryptoProviders.libsodium().secretBox();
        int size = 3 * C;
        byte[] file = randomBytes(size, 21);
        SecretBytes key = SecretBytes.copyOf(randomBytes(32, 22));
        Encrypted e = encrypt(box, key, file);
        List<byte[]> c = e.chunks;
        // Chunks 0 and 1 swapped (same length): the index in the nonce refuses them.
        assertRefused(box, key, size, e.digest, concat(c.get(1), c.get(0), c.get(2), c.get(3)));
        // The last chunk dropped: chunk 2 is full-length but is not final.
        assertRefused(box, key, size, e.digest, concat(c.get(0), c.get(1), c.get(2)));
        // Cut in the middle of a chunk.
        assertRefused(box, key, size, e.digest, Arrays.copyOf(e.ciphertext(), e.ciphertext().length - 5));
        // A chunk appended after the final one.
        assertRefused(box, key, size, e.digest, concat(c.get(0), c.get(1), c.get(2), c.get(3), c.get(3)));
        // The same file under another key: opens nowhere.
        assertRefused(box, SecretBytes.copyOf(randomBytes(32, 23)), size, e.digest, e.ciphertext());
        // A pointer whose digest is not the ciphertext's: every chunk opens, finish refuses.
        byte[] otherDigest = e.digest.clone();
        otherDigest[0] ^= 1;
        assertThatThrownBy(() -> decrypt(box, key, size, otherDigest, e.ciphertext()))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("digest");
        // A pointer claiming a smaller size of the same bucket: the padding would hold file bytes.
        assertRefused(box, key, size - 1, e.digest, e.ciphertext());
    }

    @Test
    void theLastChunkOfAnotherFileOfTheSameKeyCannotBeSpliced() throws Exception {
        // A relay holding two uploads cannot end a file early with a final chunk: the final flag is bound to the index.
        SecretBox box = CryptoProviders.libsodium().secretBox();
        SecretBytes key = SecretBytes.copyOf(randomBytes(32, 31));
        Encrypted longer = encrypt(box, key, randomBytes(3 * C, 32));
        byte[] first = longer.chunks.get(0);
        AttachmentDecryptor d = new AttachmentDecryptor(box, key, 100);
        assertThatThrownBy(() -> d.write(Arrays.copyOf(first, 541 + 16), new ByteArrayOutputStream()))
                .isInstanceOf(InvalidMessageException.class);
    }

    @Test
    void aDecryptorLeavingTheDigestToItsCallerStillOpensEveryChunkAndRefusesATruncatedFile() throws Exception {
        // Issue #13: "Save as" decrypts while the download hashes the same bytes, so the decryptor does not hash again.
        SecretBox box = CryptoProviders.libsodium().secretBox();
        int size = 2 * C + 5;
        byte[] file = randomBytes(size, 51);
        SecretBytes key = SecretBytes.copyOf(randomBytes(32, 52));
        Encrypted e = encrypt(box, key, file);
        AttachmentDecryptor whole = AttachmentDecryptor.digestCheckedByCaller(box, key, size);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] chunk : e.chunks) {
            whole.write(chunk, out);
        }
        whole.finishWhole();
        assertThat(out.toByteArray()).isEqualTo(file);
        assertThatThrownBy(() -> whole.finish(e.digest)).as("it has no digest to compare")
                .isInstanceOf(IllegalStateException.class);

        AttachmentDecryptor cut = AttachmentDecryptor.digestCheckedByCaller(box, key, size);
        cut.write(e.chunks.get(0), new ByteArrayOutputStream());
        assertThatThrownBy(cut::finishWhole).isInstanceOf(InvalidMessageException.class).hasMessageContaining("truncated");
        byte[] flipped = e.chunks.get(1).clone();
        flipped[40] ^= 1;
        assertThatThrownBy(() -> cut.write(flipped, new ByteArrayOutputStream())).isInstanceOf(InvalidMessageException.class);
    }

    @Test
    void aStreamThatIsNotTheAnnouncedSizeFailsInsteadOfSendingSomethingElse() {
        SecretBox box = CryptoProviders.libsodium().secretBox();
        SecretBytes key = SecretBytes.copyOf(randomBytes(32, 41));
        AttachmentEncryptor shorter = new AttachmentEncryptor(box, key, new ByteArrayInputStream(new byte[10]), 11);
        assertThatThrownBy(shorter::next).isInstanceOf(IOException.class).hasMessageContaining("shorter");
        AttachmentEncryptor longer = new AttachmentEncryptor(box, key, new ByteArrayInputStream(new byte[12]), 11);
        assertThatThrownBy(longer::next).isInstanceOf(IOException.class).hasMessageContaining("longer");
        assertThatThrownBy(new AttachmentEncryptor(box, key, new ByteArrayInputStream(new byte[0]), 0)::digest)
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theRelaysViewOfChunkLengthsMatchesTheFormat() {
        for (long size : new long[] {0, 541, C, C + 1, 10L * C + 3, 100L << 20}) {
            long total = AttachmentFormat.ciphertextSize(size);
            long count = AttachmentFormat.chunkCountOfCiphertext(total);
            assertThat(count).isEqualTo(AttachmentFormat.chunkCount(size));
            long sum = 0;
            for (long i = 0; i < count; i++) {
                sum += AttachmentFormat.cipherChunkLength(total, i);
            }
            assertThat(sum).isEqualTo(total);
        }
        assertThat(AttachmentFormat.chunkCountOfCiphertext(16)).isEqualTo(-1);
    }

    private static void assertRefused(SecretBox box, SecretBytes key, long size, byte[] digest, byte[] ciphertext) {
        assertThatThrownBy(() -> decrypt(box, key, size, digest, ciphertext)).isInstanceOf(InvalidMessageException.class);
    }

    private record Encrypted(List<byte[]> chunks, byte[] digest) {
        byte[] ciphertext() {
            return concat(chunks.toArray(new byte[0][]));
        }
    }

    private static Encrypted encrypt(SecretBox box, SecretBytes key, byte[] file) throws IOException {
        AttachmentEncryptor encryptor = new AttachmentEncryptor(box, key, new ByteArrayInputStream(file), file.length);
        List<byte[]> chunks = new ArrayList<>();
        while (encryptor.hasNext()) {
            assertThat(encryptor.index()).isEqualTo(chunks.size());
            chunks.add(encryptor.next());
        }
        assertThat(encryptor.plaintextBytesRead()).isEqualTo(file.length);
        return new Encrypted(chunks, encryptor.digest());
    }

    private static byte[] decrypt(SecretBox box, SecretBytes key, long size, byte[] digest, byte[] ciphertext)
            throws IOException, InvalidMessageException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AttachmentDecryptor.decrypt(box, key, size, digest, new ByteArrayInputStream(ciphertext), out);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] bytes = new byte[n];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
