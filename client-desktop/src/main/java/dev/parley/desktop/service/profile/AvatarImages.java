package dev.parley.desktop.service.profile;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.attachment.ImageDecoder;
import dev.parley.desktop.service.attachment.ImageEncoder;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Optional;

/**
 * Avatar images (issue #14). The sender's picture is cropped to a centred square, downscaled and re-encoded as a
 * fresh PNG, so none of the file's metadata (EXIF location, camera, comments) survives; a receiver accepts only a
 * small image that decodes. Images are decoded by {@link ImageDecoder} and encoded by {@link ImageEncoder}, in memory
 * (never through a cache file); the decoder reads the dimensions from the header before any pixel, so a decompression
 * bomb is refused cheaply.
 */
public final class AvatarImages {
    /** Largest avatar file the sender reads. */
    public static final int MAX_FILE_BYTES = 10 * 1024 * 1024;
    /** Largest picture (either side) the sender decodes. */
    static final int MAX_SOURCE_SIDE = 8192;
    /** Side of the avatar sent, in pixels (smaller if the PNG would not fit). */
    static final int[] SIDES = {128, 96, 64};
    /** Largest side a receiver accepts. */
    static final int MAX_RECEIVED_SIDE = 512;

    private AvatarImages() {
    }

    /**
     * The avatar to send for a picture file's bytes.
     *
     * @throws InvalidInputException if the file is too large, not an image, or too large an image
     */
    public static byte[] prepare(byte[] file) throws InvalidInputException {
        if (file.length > MAX_FILE_BYTES) {
            throw new InvalidInputException("the avatar file is larger than 10 MB");
        }
        BufferedImage source = ImageDecoder.decodeWhole(file, MAX_SOURCE_SIDE)
                .orElseThrow(() -> new InvalidInputException("the avatar is not a PNG, JPEG, GIF or BMP image of at most "
                        + MAX_SOURCE_SIDE + " pixels a side"));
        int side = Math.min(source.getWidth(), source.getHeight());
        BufferedImage square = source.getSubimage((source.getWidth() - side) / 2, (source.getHeight() - side) / 2, side, side);
        for (int target : SIDES) {
            byte[] png = png(scaled(square, Math.min(target, side)));
            if (png.length <= Payload.Profile.MAX_AVATAR_BYTES) {
                return png;
            }
        }
        throw new InvalidInputException("the avatar cannot be made small enough");
    }

    /** A received avatar if it is a small image that decodes; empty (the avatar is dropped) otherwise. */
    public static Optional<byte[]> checkReceived(byte[] avatar) {
        if (avatar.length == 0 || avatar.length > Payload.Profile.MAX_AVATAR_BYTES) {
            return Optional.empty();
        }
        return ImageDecoder.decodeWhole(avatar, MAX_RECEIVED_SIDE).map(image -> avatar.clone());
    }

    private static BufferedImage scaled(BufferedImage square, int side) {
        BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(square, 0, 0, side, side, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] png(BufferedImage image) throws InvalidInputException {
        try {
            return ImageEncoder.png(image);
        } catch (IOException e) {
            throw new InvalidInputException("cannot encode the avatar");
        }
    }
}
