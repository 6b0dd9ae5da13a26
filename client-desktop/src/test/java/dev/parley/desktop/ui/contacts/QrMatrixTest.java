package dev.parley.desktop.ui.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

class QrMatrixTest {

    @Test
    void encodedMatrixDecodesBackToThePayload() throws Exception {
        String payload = "parley-safety:1:bob:" + "0123456789".repeat(6);
        QrMatrix qr = QrMatrix.encode(payload);
        int scale = 4;
        int side = qr.size() * scale;
        int[] pixels = new int[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                pixels[y * side + x] = qr.dark(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        LuminanceSource source = new RGBLuminanceSource(side, side, pixels);
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
        assertThat(decoded).isEqualTo(payload);
    }

    @Test
    void tooLongPayloadIsATypedError() {
        assertThatThrownBy(() -> QrMatrix.encode("x".repeat(5000))).isInstanceOf(IllegalArgumentException.class);
    }
}
