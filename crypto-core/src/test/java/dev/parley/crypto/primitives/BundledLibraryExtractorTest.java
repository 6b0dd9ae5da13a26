package dev.parley.crypto.primitives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.goterl.lazysodium.utils.LibraryLoader;
import com.sun.jna.NativeLibrary;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled-library extraction that replaces lazysodium's own (which litters java.io.tmpdir). */
class BundledLibraryExtractorTest {
    @TempDir
    Path temp;

    @Test
    void extractsIntoThePerProcessDirectoryAndRemovesItAfterLoading() throws Exception {
        Path base = temp.resolve("native");
        BundledLibraryExtractor extractor = new BundledLibraryExtractor(base);

        Path library = extractor.extract(LibraryLoader.getSodiumPathInResources());

        assertThat(library).isRegularFile();
        assertThat(Files.size(library)).isGreaterThan(100_000);
        assertThat(library.getParent().getParent()).isEqualTo(base.toAbsolutePath());
        assertThat(library.getParent().getFileName().toString())
                .startsWith(BundledLibraryExtractor.runPrefix(ProcessHandle.current().pid()));
        assertThat(Files.getPosixFilePermissions(base)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        NativeLibrary loaded = NativeLibrary.getInstance(library.toString());
        assertThat(loaded.getFunction("crypto_secretbox_easy")).isNotNull();

        extractor.releaseAfterLoad(library);

        assertThat(library).doesNotExist();
        assertThat(library.getParent()).doesNotExist();
        assertThat(base).isEmptyDirectory();
    }

    @Test
    void sweepsDirectoriesOfDeadProcessesButKeepsLiveOnes() throws Exception {
        Path base = Files.createDirectories(temp.resolve("native"));
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwx------"));
        Path dead = Files.createDirectory(base.resolve(BundledLibraryExtractor.runPrefix(Long.MAX_VALUE) + "x"));
        Files.writeString(dead.resolve("libsodium.so"), "stale");
        Path live = Files.createDirectory(base.resolve(BundledLibraryExtractor.runPrefix(ProcessHandle.current().pid()) + "y"));
        Path unrelated = Files.createDirectory(base.resolve("something-else"));

        int removed = new BundledLibraryExtractor(base).sweepStale();

        assertThat(removed).isEqualTo(1);
        assertThat(dead).doesNotExist();
        assertThat(live).isDirectory();
        assertThat(unrelated).isDirectory();
    }

    @Test
    void refusesADirectoryOthersCanWrite() throws Exception {
        Path base = Files.createDirectories(temp.resolve("shared"));
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThatThrownBy(() -> new BundledLibraryExtractor(base).extract(LibraryLoader.getSodiumPathInResources()))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot extract");
        assertThat(base).isEmptyDirectory();
    }

    @Test
    void reportsAMissingResourceAndLeavesNothingBehind() {
        Path base = temp.resolve("n");
        assertThatThrownBy(() -> new BundledLibraryExtractor(base).extract("nowhere/libsodium.so"))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(base).isEmptyDirectory();
    }
}
