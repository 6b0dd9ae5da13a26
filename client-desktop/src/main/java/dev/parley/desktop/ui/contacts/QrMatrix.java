package dev.parley.desktop.ui.contacts;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;
import java.util.Objects;

/** The modules of a QR code (ZXing), independent of any toolkit; the view paints them. */
public final class QrMatrix {
    private final BitMatrix matrix;

    private QrMatrix(BitMatrix matrix) {
        this.matrix = matrix;
    }

    /**
     * Encodes {@code payload} with error correction level M and a 2-module quiet zone.
     *
     * @throws IllegalArgumentException if the payload cannot be encoded (too long)
     */
    public static QrMatrix encode(String payload) {
        Objects.requireNonNull(payload);
        try {
            return new QrMatrix(new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2)));
        } catch (WriterException e) {
            throw new IllegalArgumentException("payload cannot be encoded as a QR code", e);
        }
    }

    /** Modules per side, quiet zone included. */
    public int size() {
        return matrix.getWidth();
    }

    /** Whether the module at ({@code x}, {@code y}) is dark. */
    public boolean dark(int x, int y) {
        return matrix.get(x, y);
    }
}
