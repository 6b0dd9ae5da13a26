package dev.parley.desktop.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class FileSizesTest {
    @Test
    void bytesThenOneDecimalBelowTenThenWholeUnits() {
        assertThat(FileSizes.format(0, Locale.ROOT)).isEqualTo("0 B");
        assertThat(FileSizes.format(999, Locale.ROOT)).isEqualTo("999 B");
        assertThat(FileSizes.format(1_000, Locale.ROOT)).isEqualTo("1.0 KB");
        assertThat(FileSizes.format(2_140, Locale.ROOT)).isEqualTo("2.1 KB");
        assertThat(FileSizes.format(150_000, Locale.ROOT)).isEqualTo("150 KB");
        assertThat(FileSizes.format(999_999, Locale.ROOT)).isEqualTo("1.0 MB");
        assertThat(FileSizes.format(3_000_000_000L, Locale.ROOT)).isEqualTo("3.0 GB");
    }
}
