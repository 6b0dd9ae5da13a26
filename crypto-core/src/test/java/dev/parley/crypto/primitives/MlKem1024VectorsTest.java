package dev.parley.crypto.primitives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.secret.SecretBytes;
import dev.parley.crypto.testing.DeterministicRandom;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.Properties;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.junit.jupiter.api.Test;

/**
 * ML-KEM-1024 on BouncyCastle against NIST's published ACVP vector: encapsulation test case tcId 52 (group 3, AFT)
 * of {@code gen-val/json-files/ML-KEM-encapDecap-FIPS203/internalProjection.json} in
 * https://github.com/usnistgov/ACVP-Server (commit eb31c8ef41d1f62177960180c16d6ae8b9fba648), copied into
 * {@code src/test/resources/vectors/mlkem1024-acvp-encapdecap-tc52.properties} with the provenance in that file.
 */
class MlKem1024VectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void acvpEncapsulationGivesThePublishedCiphertextAndSecret() throws IOException, InvalidPublicKeyException {
        Properties vector = vector();
        MlKem1024.Encapsulation encapsulation = MlKem1024.encapsulate(hex(vector, "ek"),
                SecretBytes.wrap(hex(vector, "m")));
        assertThat(encapsulation.ciphertext()).isEqualTo(hex(vector, "c"));
        assertThat(encapsulation.sharedSecret().bytes()).isEqualTo(hex(vector, "k"));
    }

    @Test
    void acvpDecapsulationWithThePublishedKeyGivesThePublishedSecret() throws IOException {
        Properties vector = vector();
        byte[] dk = HEX.parseHex(vector.getProperty("dkPke") + vector.getProperty("ek") + vector.getProperty("dkTail"));
        assertThat(dk).hasSize(3168);
        MLKEMPrivateKeyParameters key = new MLKEMPrivateKeyParameters(MLKEMParameters.ml_kem_1024, dk);
        assertThat(new MLKEMExtractor(key).extractSecret(hex(vector, "c"))).isEqualTo(hex(vector, "k"));
    }

    @Test
    void seedKeyPairRoundTripsAndATamperedCiphertextIsImplicitlyRejected() throws InvalidPublicKeyException {
        DeterministicRandom random = new DeterministicRandom(9);
        SecretBytes seed = SecretBytes.wrap(random.bytes(MlKem1024.SEED_BYTES));
        byte[] publicKey = MlKem1024.publicKey(seed);
        assertThat(publicKey).hasSize(MlKem1024.PUBLIC_KEY_BYTES).isEqualTo(MlKem1024.publicKey(seed));
        MlKem1024.Encapsulation encapsulation = MlKem1024.encapsulate(publicKey,
                SecretBytes.wrap(random.bytes(MlKem1024.MESSAGE_BYTES)));
        assertThat(MlKem1024.decapsulate(seed, encapsulation.ciphertext()).bytes())
                .isEqualTo(encapsulation.sharedSecret().bytes());

        byte[] tampered = encapsulation.ciphertext();
        tampered[0] ^= 0x01;
        assertThat(MlKem1024.decapsulate(seed, tampered).bytes()).hasSize(32)
                .isNotEqualTo(encapsulation.sharedSecret().bytes());
    }

    @Test
    void malformedInputsAreRejected() {
        SecretBytes m = SecretBytes.wrap(new byte[32]);
        assertThatThrownBy(() -> MlKem1024.encapsulate(new byte[1567], m)).isInstanceOf(InvalidPublicKeyException.class);
        byte[] unreduced = new byte[MlKem1024.PUBLIC_KEY_BYTES];
        java.util.Arrays.fill(unreduced, 0, 1536, (byte) 0xFF);
        assertThatThrownBy(() -> MlKem1024.encapsulate(unreduced, m)).isInstanceOf(InvalidPublicKeyException.class);
        assertThatThrownBy(() -> MlKem1024.decapsulate(SecretBytes.wrap(new byte[64]), new byte[10]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Properties vector() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MlKem1024VectorsTest.class.getResourceAsStream(
                "/vectors/mlkem1024-acvp-encapdecap-tc52.properties")) {
            properties.load(in);
        }
        return properties;
    }

    private static byte[] hex(Properties vector, String name) {
        return HEX.parseHex(vector.getProperty(name));
    }
}
