package dev.parley.desktop.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CertificateFingerprintTest {
    private static final String HEX = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @Test
    void parsesPlainAndColonSeparatedHexInEitherCase() {
        CertificateFingerprint plain = CertificateFingerprint.parse(HEX);
        CertificateFingerprint colons = CertificateFingerprint.parse(plain.toString().toLowerCase());
        assertThat(colons).isEqualTo(plain);
        assertThat(plain.toString()).startsWith("01:23:45:67:89:AB");
    }

    @Test
    void rejectsWrongLengthAndNonHex() {
        assertThatThrownBy(() -> CertificateFingerprint.parse(HEX.substring(2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CertificateFingerprint.parse(HEX.replace('a', 'z'))).isInstanceOf(IllegalArgumentException.class);
    }
}
