package dev.parley.bench.ui;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Realistic camera photos for {@link PhotoBurstBenchmark}: by default 4000 x 3000 (12 megapixels) JPEGs at quality
 * 0.92 of 3-5 MB each, every one different (smooth colour fields, edges and sensor-like noise from its own seed). Made
 * once and kept in {@code <tmp>/parley-bench-photos-v1-<megapixels>mp} ({@code -Dparley.bench.photoDir=...}); about a
 * second each. Fewer megapixels (same 4:3 shape) make a quick run that exercises the UI with less encoding work.
 */
final class BurstPhotos {

    private BurstPhotos() {
    }

    /** The first {@code count} photos of {@code megapixels} (4:3), made now if missing. */
    static List<Path> cached(int count, int megapixels) throws IOException {
        int width = (int) Math.round(Math.sqrt(megapixels * 1e6 * 4 / 3));
        int height = width * 3 / 4;
        Path dir = Path.of(System.getProperty("parley.bench.photoDir", Path.of(System.getProperty("java.io.tmpdir"),
                "parley-bench-photos-v1-" + megapixels + "mp").toString()));
        Files.createDirectories(dir);
        List<Path> photos = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Path photo = dir.resolve(String.format("IMG_%04d.jpg", i + 1));
            if (!Files.isRegularFile(photo)) {
                Path partial = dir.resolve(photo.getFileName() + ".partial");
                write(partial, i, width, height);
                Files.move(partial, photo, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            photos.add(photo);
        }
        return photos;
    }

    private static void write(Path file, int seed, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        SplittableRandom random = new SplittableRandom(1_000 + seed);
        double[] phase = new double[9];
        for (int i = 0; i < phase.length; i++) {
            phase[i] = random.nextDouble() * Math.PI * 2;
        }
        double fx = 2 + random.nextDouble() * 6;
        double fy = 2 + random.nextDouble() * 6;
        int horizon = height / 3 + random.nextInt(height / 3);
        int i = 0;
        for (int y = 0; y < height; y++) {
            double v = (double) y / height;
            for (int x = 0; x < width; x++) {
                double u = (double) x / width;
                double wave = Math.sin(u * fx * Math.PI + phase[0]) * Math.cos(v * fy * Math.PI + phase[1]);
                boolean sky = y < horizon + 40 * Math.sin(u * 9 + phase[2]);
                int noise = random.nextInt(25) - 12;
                for (int c = 0; c < 3; c++) {
                    double base = sky ? 150 + 60 * Math.sin(v * 2 + phase[3 + c])
                            : 90 + 50 * Math.sin(u * 5 + phase[6 + c]) + 40 * wave;
                    int value = (int) base + noise + ((x / 37 + y / 29) % 7 == 0 ? 30 : 0);
                    pixels[i++] = (byte) Math.max(0, Math.min(255, value));
                }
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (OutputStream out = Files.newOutputStream(file); ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.92f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
