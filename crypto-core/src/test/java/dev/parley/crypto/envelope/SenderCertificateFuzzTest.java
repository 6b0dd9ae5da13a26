package dev.parley.crypto.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.parley.crypto.exceptions.InvalidCertificateException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;

/**
 * Coverage-guided fuzzing of {@link SenderCertificate#parse}, which reads certificate bytes from inside any sealed
 * envelope a client receives. Regression pass in {@code mvn verify}; long run in docs/testing.md.
 *
 * <p>Properties: only {@link InvalidCertificateException} and {@link UnsupportedVersionException} escape; an accepted
 * encoding is canonical ({@code serialize()} gives back exactly the input).
 */
class SenderCertificateFuzzTest {

    @FuzzTest
    void parse(byte[] input) {
        SenderCertificate certificate;
        try {
            certificate = SenderCertificate.parse(input);
        } catch (InvalidCertificateException | UnsupportedVersionException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return;
        }
        assertThat(certificate.serialize()).isEqualTo(input);
    }
}
