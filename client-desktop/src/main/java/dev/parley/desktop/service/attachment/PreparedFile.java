package dev.parley.desktop.service.attachment;

import java.io.IOException;
import java.io.InputStream;

/**
 * A file ready to encrypt: where its bytes come from (the original file, or a metadata-free re-encoding of an image
 * held in memory), and what the pointer says about it.
 */
record PreparedFile(Source source, long size, String contentType, int width, int height, byte[] thumbnail) {

    /** Opens the bytes to send; may be called again to resume an upload. */
    @FunctionalInterface
    interface Source {
        InputStream open() throws IOException;
    }
}
