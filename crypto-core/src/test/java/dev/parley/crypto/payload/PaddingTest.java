package dev.parley.crypto.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.exceptions.InvalidMessageException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaddingTest {
    @ParameterizedTest
    @CsvSource({"0,160", "159,160", "160,320", "319,320", "639,640", "1279,1280", "2559,2560", "2560,4096",
            "4095,4096", "4096,8192", "65535,65536"})
    void bucketsAreDocumentedOnes(int contentLength, int bucket) {
        assertThat(Padding.bucketFor(contentLength)).isEqualTo(bucket);
    }

    @Test
    void padThenUnpadIsIdentityEvenForContentEndingInMarkerOrZeros() throws Exception {
        for (byte[] content : new byte[][] {{}, {0}, {(byte) 0x80}, {1, 0, 0}, {(byte) 0x80, 0}, new byte[159], new byte[5000]}) {
            byte[] padded = Padding.pad(content);
            assertThat(Padding.isBucket(padded.length)).isTrue();
            assertThat(Padding.unpad(padded)).isEqualTo(content);
        }
    }

    @Test
    void tooLargeContentIsRejected() {
        assertThatThrownBy(() -> Padding.bucketFor(65536)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedPaddingIsATypedError() {
        assertThatThrownBy(() -> Padding.unpad(new byte[160])).isInstanceOf(InvalidMessageException.class);
        byte[] noMarker = new byte[160];
        noMarker[10] = 1;
        assertThatThrownBy(() -> Padding.unpad(noMarker)).isInstanceOf(InvalidMessageException.class);
        byte[] notBucket = Arrays.copyOf(Padding.pad(new byte[3]), 161);
        assertThatThrownBy(() -> Padding.unpad(notBucket)).isInstanceOf(InvalidMessageException.class);
    }
}
