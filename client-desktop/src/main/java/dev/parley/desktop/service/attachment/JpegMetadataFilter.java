package dev.parley.desktop.service.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A JPEG without its metadata, losslessly: the file's segments are walked once and only those a decoder needs are
 * kept (frame and scan headers, quantisation, Huffman and arithmetic-coding tables, restart interval, the
 * entropy-coded data, EOI), so EXIF (GPS position, camera, time, the embedded preview), XMP, IPTC, ICC profiles,
 * comments, every other application segment and anything after the end of the image never leave this computer. A
 * JFIF header is replaced by a fixed one (version 1.01, no density, no thumbnail) and an Adobe colour-transform
 * segment by one that keeps only its transform byte. The pixels are the original's, bit for bit: no decode, no
 * re-encode, no generation loss, and nothing of the size of the picture in memory; the result is the same every time
 * for the same file, so an upload of it can be resumed.
 *
 * <p>The walk is a {@link Layout}: pieces of the original file and small fixed segments, opened as a stream when the
 * upload reads it.
 */
final class JpegMetadataFilter {
    private static final int BUFFER = 64 * 1024;
    /** The fixed JFIF APP0 written in place of the original's: 1.01, aspect 1:1, no thumbnail. */
    private static final byte[] JFIF = {(byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1,
            0, 0};
    private static final byte[] SOI = {(byte) 0xFF, (byte) 0xD8};
    private static final byte[] EOI = {(byte) 0xFF, (byte) 0xD9};

    private JpegMetadataFilter() {
    }

    /** A piece of the filtered file: bytes of the original, or a fixed segment. */
    sealed interface Piece permits FileRange, Fixed {
        long length();
    }

    /** {@code length} bytes of the original from {@code offset}. */
    record FileRange(long offset, long length) implements Piece {
    }

    /** Bytes written in place of something of the original. */
    record Fixed(byte[] bytes) implements Piece {
        @Override
        public long length() {
            return bytes.length;
        }
    }

    /** What the filtered file is made of, and its size. */
    record Layout(List<Piece> pieces, long size) {
        Layout {
            pieces = List.copyOf(pieces);
        }
    }

    /** The layout of {@code file} without its metadata, or empty when it is not a JPEG this walk understands. */
    static Optional<Layout> layout(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return new Walk(new Reader(channel)).run();
        }
    }

    /** Opens the filtered bytes of {@code file}; they are {@code layout.size()} long while the file is unchanged. */
    static InputStream open(Path file, Layout layout) throws IOException {
        return new PiecesStream(FileChannel.open(file, StandardOpenOption.READ), layout.pieces());
    }

    /** Keeps a segment that a decoder needs and that carries no metadata (ITU T.81 B.1.1.3, table B.1). */
    private static boolean needed(int marker) {
        return switch (marker) {
            // SOF0-3, 5-7, 9-11, 13-15 (frames), DHT, DAC, DQT, DNL, DRI, EXP, SOS
            case 0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF,
                 0xC4, 0xCC, 0xDB, 0xDC, 0xDD, 0xDF, 0xDA -> true;
            default -> false;
        };
    }

    /** One pass over the segments. */
    private static final class Walk {
        private final Reader in;
        private final List<Piece> pieces = new ArrayList<>();
        private long size;
        private boolean headerWritten;
        private boolean sawFrame;

        Walk(Reader in) {
            this.in = in;
        }

        Optional<Layout> run() throws IOException {
            if (in.read() != 0xFF || in.read() != 0xD8) {
                return Optional.empty();
            }
            add(new Fixed(SOI));
            while (true) {
                long start = in.position();
                int b = in.read();
                if (b < 0) {
                    return ended(); // no EOI: end it properly
                }
                if (b != 0xFF) {
                    continue; // a stray byte between segments (decoders skip it too): dropped
                }
                int marker = in.read();
                while (marker == 0xFF) { // fill bytes before a marker
                    start = in.position() - 1;
                    marker = in.read();
                }
                if (marker < 0) {
                    return ended();
                }
                if (marker == 0xD9) {
                    return ended(); // anything after the end of the image is dropped
                }
                if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
                    return Optional.empty(); // a stand-alone marker outside a scan
                }
                int high = in.read();
                int low = in.read();
                if (low < 0) {
                    return Optional.empty();
                }
                int length = high << 8 | low;
                if (length < 2) {
                    return Optional.empty();
                }
                long payload = in.position();
                long end = payload + length - 2;
                if (marker == 0xE0 && !headerWritten && startsWith(payload, length - 2, "JFIF\0")) {
                    add(new Fixed(JFIF));
                    headerWritten = true;
                } else if (marker == 0xEE && length == 14 && startsWith(payload, 12, "Adobe")) {
                    in.seek(payload + 11);
                    add(new Fixed(adobe(in.read())));
                } else if (needed(marker)) {
                    sawFrame |= marker != 0xC4 && marker != 0xCC && marker >= 0xC0 && marker <= 0xCF;
                    add(new FileRange(start, end - start));
                }
                if (!in.seek(end)) {
                    return Optional.empty(); // the segment runs past the end of the file
                }
                if (marker == 0xDA) {
                    long data = end;
                    long next = in.nextMarker();
                    if (next < 0) {
                        // cut short after its scan began: keep what there is and end it properly
                        add(new FileRange(data, in.position() - data));
                        return ended();
                    }
                    add(new FileRange(data, next - data));
                    in.seek(next);
                }
            }
        }

        private Optional<Layout> ended() {
            add(new Fixed(EOI));
            return sawFrame ? Optional.of(new Layout(pieces, size)) : Optional.empty();
        }

        private boolean startsWith(long at, int available, String text) throws IOException {
            if (available < text.length()) {
                return false;
            }
            long back = in.position();
            in.seek(at);
            boolean same = true;
            for (int i = 0; i < text.length(); i++) {
                same &= in.read() == text.charAt(i);
            }
            in.seek(back);
            return same;
        }

        private void add(Piece piece) {
            pieces.add(piece);
            size += piece.length();
        }
    }

    /** An Adobe APP14 with version 100, no flags, and the original's colour transform (0 to 2; else 0). */
    private static byte[] adobe(int transform) {
        int t = transform >= 0 && transform <= 2 ? transform : 0;
        return new byte[] {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) t};
    }

    /** Buffered positional reads of the file, with a scan for the marker that ends entropy-coded data. */
    private static final class Reader {
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER).limit(0);
        private long bufferStart;

        Reader(FileChannel channel) {
            this.channel = channel;
        }

        long position() {
            return bufferStart + buffer.position();
        }

        /** Moves to {@code at}; false when that is past the end of the file. */
        boolean seek(long at) throws IOException {
            if (at >= bufferStart && at <= bufferStart + buffer.limit()) {
                buffer.position((int) (at - bufferStart));
            } else {
                bufferStart = at;
                buffer.clear().limit(0);
            }
            return at <= channel.size();
        }

        /** The next byte, or -1 at the end of the file. */
        int read() throws IOException {
            if (!buffer.hasRemaining() && !fill()) {
                return -1;
            }
            return buffer.get() & 0xFF;
        }

        private boolean fill() throws IOException {
            bufferStart += buffer.limit();
            buffer.clear();
            int n;
            do {
                n = channel.read(buffer, bufferStart + buffer.position());
            } while (n == 0);
            buffer.flip();
            return buffer.hasRemaining();
        }

        /**
         * From inside entropy-coded data: the position of the next marker that ends it (an 0xFF followed by neither
         * 0x00, a stuffed zero, nor a restart marker RST0-7), or -1 if the file ends first (position then at its end).
         */
        long nextMarker() throws IOException {
            while (true) {
                if (!buffer.hasRemaining() && !fill()) {
                    return -1;
                }
                byte[] bytes = buffer.array();
                int i = buffer.position();
                int limit = buffer.limit();
                while (i < limit && bytes[i] != (byte) 0xFF) {
                    i++;
                }
                buffer.position(i);
                if (i == limit) {
                    continue;
                }
                long at = position();
                buffer.get();
                int next = read();
                if (next < 0) {
                    return -1;
                }
                if (next != 0x00 && !(next >= 0xD0 && next <= 0xD7)) {
                    return at; // 0xFF fill before a marker counts as its start
                }
            }
        }
    }

    /** The pieces as one stream, file ranges read through one channel. */
    private static final class PiecesStream extends InputStream {
        private final FileChannel channel;
        private final List<Piece> pieces;
        private int index;
        private long done;

        PiecesStream(FileChannel channel, List<Piece> pieces) {
            this.channel = channel;
            this.pieces = pieces;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (index < pieces.size() && done == pieces.get(index).length()) {
                index++;
                done = 0;
            }
            if (index == pieces.size()) {
                return -1;
            }
            Piece piece = pieces.get(index);
            int n = (int) Math.min(length, piece.length() - done);
            if (piece instanceof Fixed fixed) {
                System.arraycopy(fixed.bytes(), (int) done, into, offset, n);
            } else {
                FileRange range = (FileRange) piece;
                n = channel.read(ByteBuffer.wrap(into, offset, n), range.offset() + done);
                if (n < 0) {
                    throw new IOException("the image is shorter than when it was prepared (changed while sending?)");
                }
            }
            done += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
