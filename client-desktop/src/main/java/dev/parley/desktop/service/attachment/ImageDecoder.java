package dev.parley.desktop.service.attachment;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * The one way Parley decodes an image (JPEG, PNG, GIF: what ImageIO reads): about as many pixels as it is shown with. A
 * decode for a box of {@code maxWidth} x {@code maxHeight} reads every n-th pixel of every n-th row straight from the
 * file ({@link ImageReadParam#setSourceSubsampling}), with n the largest step that still gives at least the image's
 * size fitted into the box, so a 12-megapixel photo shown in a 1000 x 700 window takes 1000 x 750 pixels (3 MB)
 * instead of its 36 MB, and its 160-pixel thumbnail is made from 333 x 250; a box of
 * {@link #FULL_SIZE} decodes every pixel. Images over {@value #MAX_PIXELS} pixels, or that do not decode, give empty.
 * Thread-safe; never on the FX thread (it is slow).
 */
public final class ImageDecoder {
    /** Ask for every pixel. */
    public static final int FULL_SIZE = 0;
    /** Larger images are not decoded at all (a decompression bomb, or not a photo). */
    static final long MAX_PIXELS = 80_000_000L;
    /** A {@link Sampling} answer: do not decode this image. */
    private static final int REFUSE = 0;

    /**
     * A decoded image.
     *
     * @param width  the image's full width in pixels
     * @param height the image's full height
     * @param pixels the pixels decoded: the whole image, or every {@code step}-th pixel of every {@code step}-th row
     * @param step   the subsampling step: 1 for every pixel
     */
    public record Decoded(int width, int height, BufferedImage pixels, int step) {
        /** Whether every pixel was decoded. */
        public boolean fullSize() {
            return step == 1;
        }
    }

    private ImageDecoder() {
    }

    /** Decodes {@code image} (the bytes of an image file) for a box of at most {@code maxWidth} x {@code maxHeight}. */
    public static Optional<Decoded> decode(byte[] image, int maxWidth, int maxHeight) {
        return read(image, (width, height) -> step(width, height, maxWidth, maxHeight));
    }

    /**
     * Decodes every pixel of {@code image} (the bytes of an image file) if neither side is over {@code maxSide}; empty
     * if a side is (read from the header, before any pixel is decoded) or if it does not decode.
     */
    public static Optional<BufferedImage> decodeWhole(byte[] image, int maxSide) {
        return read(image, (width, height) -> width <= maxSide && height <= maxSide ? 1 : REFUSE)
                .map(Decoded::pixels);
    }

    private static Optional<Decoded> read(byte[] image, Sampling sampling) {
        // read in place: ImageIO's own stream over an InputStream would cache a copy, by default in a temporary
        // file, and these are decrypted images (never plaintext on disk)
        try (ImageInputStream in = new BytesImageInputStream(image)) {
            return decode(in, sampling);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** How to decode an image of a given size: the subsampling step (1: every pixel), or {@link #REFUSE}. */
    private interface Sampling {
        int step(int width, int height);
    }

    /** An image stream over bytes in memory, read where they are (no copy, no cache file). */
    private static final class BytesImageInputStream extends ImageInputStreamImpl {
        private final byte[] bytes;

        BytesImageInputStream(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            bitOffset = 0;
            return streamPos < bytes.length ? bytes[(int) streamPos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            bitOffset = 0;
            if (len == 0) {
                return 0;
            }
            if (streamPos >= bytes.length) {
                return -1;
            }
            int n = (int) Math.min(len, bytes.length - streamPos);
            System.arraycopy(bytes, (int) streamPos, b, off, n);
            streamPos += n;
            return n;
        }

        @Override
        public long length() {
            return bytes.length;
        }
    }

    /** Decodes the image file {@code file} for a box of at most {@code maxWidth} x {@code maxHeight}. */
    public static Optional<Decoded> decode(Path file, int maxWidth, int maxHeight) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            return decode(in, (width, height) -> step(width, height, maxWidth, maxHeight));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The subsampling step for an image of {@code width} x {@code height} shown fitted into a box of {@code maxWidth}
     * x {@code maxHeight} (its shape kept): the largest whose result is still at least that fitted size, at least 1;
     * 1 for {@link #FULL_SIZE}.
     */
    static int step(int width, int height, int maxWidth, int maxHeight) {
        if (maxWidth <= FULL_SIZE || maxHeight <= FULL_SIZE) {
            return 1;
        }
        // fitted, the image is scaled by min(maxWidth / width, maxHeight / height); one pixel in 1 / that is enough
        double shrink = Math.max((double) width / maxWidth, (double) height / maxHeight);
        return (int) Math.max(1, Math.floor(shrink));
    }

    private static Optional<Decoded> decode(ImageInputStream in, Sampling sampling) {
        if (in == null) {
            return Optional.empty();
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            return Optional.empty();
        }
        ImageReader reader = readers.next();
        try {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
                return Optional.empty();
            }
            int step = sampling.step(width, height);
            if (step == REFUSE) {
                return Optional.empty();
            }
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(step, step, 0, 0);
            return Optional.of(new Decoded(width, height, reader.read(0, param), step));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } finally {
            reader.dispose();
        }
    }
}
