package dev.parley.desktop.service.attachment;

import java.io.IOException;
import java.io.InputStream;

/**
 * A file ready to encrypt: where its bytes come from (the original file, a JPEG read without its metadata segments,
 * or a metadata-free re-encoding of a PNG held in memory), and what the pointer says about it. {@code reproducible}:
 * the bytes come from the file alone, the same every time while it is unchanged (so an upload of them can be resumed
 * after a crash by preparing the file again); a re-encoding need not come out the same twice, so it is kept instead
 * ({@link KeptEncodings}).
 */
record PreparedFile(Source source, long size, String contentType, int width, int height, byte[] thumbnail,
                    boolean reproducible) {

    /** Opens the bytes to send; may be called again to resume an upload. */
    @FunctionalInterface
    interface Source {
        InputStream open() throws IOException;
    }
}
