package dev.parley.crypto.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.attachment.AttachmentFormat;
import dev.parley.crypto.primitives.Argon2Params;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.secret.SecretBytes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The backup file format of docs/protocol.md, "Backups". The primitives (Argon2id, HKDF-SHA-256, XSalsa20-Poly1305)
 * are pinned to published vectors elsewhere ({@code NaclAndArgon2VectorsTest}, the HKDF RFC 5869 tests); here the
 * construction around them is recomputed independently from those primitives, both providers agree, and every
 * truncation, reordering, modification, newer version and wrong secret is refused.
 */
class BackupFormatTest {
    private static final Argon2Params CHEAP = new Argon2Params(8 * 1024, 1, 1);
    private static final byte[] SECRET = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
    private static final int C = BackupWriter.PLAIN_CHUNK_BYTES;
    private static final int S = BackupWriter.CIPHER_CHUNK_BYTES;
    private static final int H = BackupHeader.BYTES;

    static Stream<CryptoProvider> providers() {
        return Stream.of(CryptoProviders.libsodium(), CryptoProviders.bouncyCastle());
    }

    private static byte[] body(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    private static byte[] write(CryptoProvider crypto, byte[] body) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (BackupWriter writer = BackupWriter.start(file, crypto, SECRET, BackupSecretKind.PASSPHRASE, CHEAP)) {
            // Odd-sized writes, to cross chunk boundaries mid-write.
            for (int i = 0; i < body.length; i += 1000) {
                writer.write(body, i, Math.min(1000, body.length - i));
            }
        }
        return file.toByteArray();
    }

    private static byte[] read(CryptoProvider crypto, byte[] file, byte[] secret) throws IOException {
        InputStream in = new ByteArrayInputStream(file);
        BackupHeader header = BackupHeader.read(in);
        try (BackupReader reader = BackupReader.open(in, header, crypto, secret)) {
            byte[] out = reader.readAllBytes();
            assertThat(reader.complete()).isTrue();
            return out;
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, C - 1, C, C + 1, 3 * C, 3 * C + 17})
    void roundTripsAnySize(int size) throws IOException {
        CryptoProvider crypto = CryptoProviders.preferred();
        byte[] body = body(size);
        byte[] file = write(crypto, body);
        // A body that fills its last chunk exactly ends with that full chunk sealed as final; an empty body is one
        // empty final chunk.
        long chunks = Math.max(1, (size + C - 1) / C);
        assertThat(file.length).isEqualTo((int) (H + size + chunks * 16));
        assertThat(read(crypto, file, SECRET)).isEqualTo(body);
    }

    @Test
    void providersReadEachOthersBackups() throws IOException {
        byte[] body = body(2 * C + 5);
        byte[] bySodium = write(CryptoProviders.libsodium(), body);
        byte[] byBc = write(CryptoProviders.bouncyCastle(), body);
        assertThat(read(CryptoProviders.bouncyCastle(), bySodium, SECRET)).isEqualTo(body);
        assertThat(read(CryptoProviders.libsodium(), byBc, SECRET)).isEqualTo(body);
    }

    @ParameterizedTest
    @MethodSource("providers")
    void layoutIsTheDocumentedConstruction(CryptoProvider crypto) throws IOException {
        byte[] body = body(C + 100);
        byte[] file = write(crypto, body);
        ByteBuffer header = ByteBuffer.wrap(file, 0, H);
        byte[] magic = new byte[8];
        header.get(magic);
        assertThat(new String(magic, StandardCharsets.US_ASCII)).isEqualTo("PARLEYBK");
        assertThat(header.getShort()).isEqualTo((short) 1);
        assertThat(header.get()).isEqualTo((byte) 1);
        assertThat(header.getInt()).isEqualTo(CHEAP.memoryKiB());
        assertThat(header.getInt()).isEqualTo(CHEAP.iterations());
        assertThat(header.getInt()).isEqualTo(CHEAP.parallelism());
        byte[] salt = new byte[16];
        header.get(salt);
        byte[] check = new byte[16];
        header.get(check);
        // Recompute from the primitives, as the protocol text states it.
        byte[] master = crypto.argon2id().argon2id(SECRET, salt, CHEAP, 32).bytes();
        assertThat(check).isEqualTo(crypto.hkdf().deriveSha256(salt, master,
                "parley/backup/v1/key-check".getBytes(StandardCharsets.US_ASCII), 16));
        byte[] info = ByteBuffer.allocate(27 + 39).put("parley/backup/v1/stream-key".getBytes(StandardCharsets.US_ASCII))
                .put(file, 0, 39).array();
        SecretBytes streamKey = SecretBytes.wrap(crypto.hkdf().deriveSha256(salt, master, info, 32));
        byte[] chunk0 = crypto.secretBox().seal(streamKey, AttachmentFormat.nonce(0, false), Arrays.copyOf(body, C));
        byte[] chunk1 = crypto.secretBox().seal(streamKey, AttachmentFormat.nonce(1, true),
                Arrays.copyOfRange(body, C, body.length));
        assertThat(Arrays.copyOfRange(file, H, H + S)).isEqualTo(chunk0);
        assertThat(Arrays.copyOfRange(file, H + S, file.length)).isEqualTo(chunk1);
    }

    @Test
    void truncationAnywhereIsDetected() throws IOException {
        CryptoProvider crypto = CryptoProviders.preferred();
        byte[] file = write(crypto, body(3 * C + 10));
        int[] cuts = {H, H + 10, H + S, H + S + 1, H + 2 * S, H + 3 * S, file.length - 1};
        for (int cut : cuts) {
            byte[] shorter = Arrays.copyOf(file, cut);
            assertThatThrownBy(() -> read(crypto, shorter, SECRET)).as("cut at %d", cut)
                    .isInstanceOf(BackupFormatException.class).hasMessageContaining("truncated");
        }
        assertThatThrownBy(() -> read(crypto, Arrays.copyOf(file, 20), SECRET))
                .isInstanceOf(BackupFormatException.class).hasMessageContaining("too short");
    }

    @Test
    void anyFlippedByteIsDetected() throws IOException {
        CryptoProvider crypto = CryptoProviders.preferred();
        byte[] file = write(crypto, body(2 * C));
        Random random = new Random(7);
        for (int trial = 0; trial < 40; trial++) {
            int at = trial < 8 ? 10 + trial : H + random.nextInt(file.length - H);
            byte[] damaged = file.clone();
            damaged[at] ^= (byte) (1 << random.nextInt(8));
            assertThatThrownBy(() -> read(crypto, damaged, SECRET)).as("flip at %d", at)
                    .isInstanceOf(BackupFormatException.class);
        }
        byte[] kind = file.clone();
        kind[10] = 2;
        assertThatThrownBy(() -> read(crypto, kind, SECRET)).isInstanceOf(BackupFormatException.class)
                .hasMessageContaining("chunk 0");
    }

    @Test
    void reorderedOrDroppedChunksAreDetected() throws IOException {
        CryptoProvider crypto = CryptoProviders.preferred();
        byte[] file = write(crypto, body(3 * C + 10));
        byte[] swapped = file.clone();
        System.arraycopy(file, H + S, swapped, H, S);
        System.arraycopy(file, H, swapped, H + S, S);
        assertThatThrownBy(() -> read(crypto, swapped, SECRET)).isInstanceOf(BackupFormatException.class)
                .hasMessageContaining("chunk 0");
        byte[] dropped = new byte[file.length - S];
        System.arraycopy(file, 0, dropped, 0, H + S);
        System.arraycopy(file, H + 2 * S, dropped, H + S, file.length - H - 2 * S);
        assertThatThrownBy(() -> read(crypto, dropped, SECRET)).isInstanceOf(BackupFormatException.class)
                .hasMessageContaining("chunk 1");
    }

    @Test
    void chunksOfAnotherBackupWithTheSameSecretDoNotFit() throws IOException {
        CryptoProvider crypto = CryptoProviders.preferred();
        byte[] a = write(crypto, body(2 * C));
        byte[] b = write(crypto, body(2 * C));
        byte[] mixed = a.clone();
        System.arraycopy(b, H, mixed, H, S);
        assertThatThrownBy(() -> read(crypto, mixed, SECRET)).isInstanceOf(BackupFormatException.class);
    }

    @Test
    void newerFormatVersionIsReportedAsSuch() throws IOException {
        byte[] file = write(CryptoProviders.preferred(), body(10));
        file[8] = 0;
        file[9] = 2;
        assertThatThrownBy(() -> BackupHeader.read(new ByteArrayInputStream(file)))
                .isInstanceOf(UnsupportedBackupVersionException.class).hasMessageContaining("newer Parley");
    }

    @Test
    void notABackupAndAbsurdCostsAreRefusedBeforeAnyWork() throws IOException {
        assertThatThrownBy(() -> BackupHeader.read(new ByteArrayInputStream("hello, this is a text file".repeat(4)
                .getBytes(StandardCharsets.US_ASCII)))).isInstanceOf(BackupFormatException.class)
                .hasMessageContaining("not a Parley backup");
        byte[] file = write(CryptoProviders.preferred(), body(10));
        ByteBuffer.wrap(file).putInt(11, Integer.MAX_VALUE);
        assertThatThrownBy(() -> BackupHeader.read(new ByteArrayInputStream(file)))
                .isInstanceOf(BackupFormatException.class).hasMessageContaining("out of range");
    }

    @Test
    void wrongSecretIsRefusedByTheKeyCheck() throws IOException {
        CryptoProvider crypto = CryptoProviders.preferred();
        byte[] file = write(crypto, body(100));
        assertThatThrownBy(() -> read(crypto, file, "correct horse battery stapler".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(WrongBackupSecretException.class).hasMessage("wrong backup passphrase or recovery code");
    }

    @Test
    void recoveryCodesAreThirtyGroupedDigitsAndParseBack() throws IOException {
        CryptoProvider crypto = CryptoProviders.preferred();
        RecoveryCode code = RecoveryCode.generate(crypto.random());
        String shown = new String(code.grouped());
        assertThat(shown).matches("[0-9]{5}( [0-9]{5}){5}");
        assertThat(RecoveryCode.parse(shown.replace(' ', '-').toCharArray()).secret()).isEqualTo(code.secret());
        assertThat(RecoveryCode.parse(shown.replace(" ", "").toCharArray()).secret()).isEqualTo(code.secret());
        assertThat(new String(code.secret(), StandardCharsets.US_ASCII)).isEqualTo(shown.replace(" ", ""));
        assertThat(code.toString()).doesNotContain(shown.substring(0, 5));
        assertThatThrownBy(() -> RecoveryCode.parse("12345".toCharArray())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecoveryCode.parse((shown + "1").toCharArray()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecoveryCode.parse(shown.replace('1', 'x').replace('2', 'x').toCharArray()))
                .isInstanceOf(IllegalArgumentException.class);
        // Digits are uniform: over many codes every digit appears close to a tenth of the time.
        int[] counts = new int[10];
        for (int i = 0; i < 400; i++) {
            for (byte d : RecoveryCode.generate(crypto.random()).secret()) {
                counts[d - '0']++;
            }
        }
        for (int c : counts) {
            assertThat(c).isBetween(1000, 1400);
        }
    }
}
