package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.h2.DatabaseOpenException.Reason;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Validated location of an H2 database: an absolute, normalised directory without ';' and a plain base name. H2 appends
 * {@code .mv.db} to the base name.
 */
record DatabaseFiles(Path directory, String baseName) {
    static final String SUFFIX = ".mv.db";
    private static final Pattern BASE_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    static DatabaseFiles of(Path base) throws DatabaseOpenException {
        if (base == null || !base.isAbsolute() || !base.normalize().equals(base) || base.getParent() == null) {
            throw new DatabaseOpenException(Reason.INVALID_PATH, "database path must be absolute and normalised");
        }
        String text = base.toString();
        if (text.indexOf(';') >= 0 || text.chars().anyMatch(Character::isISOControl)) {
            throw new DatabaseOpenException(Reason.INVALID_PATH, "database path must not contain ';' or controls");
        }
        String name = base.getFileName().toString();
        if (!BASE_NAME.matcher(name).matches()) {
            throw new DatabaseOpenException(Reason.INVALID_PATH, "database name must match " + BASE_NAME);
        }
        return new DatabaseFiles(base.getParent(), name);
    }

    Path base() {
        return directory.resolve(baseName);
    }

    Path dataFile() {
        return directory.resolve(baseName + SUFFIX);
    }

    Path traceFile() {
        return directory.resolve(baseName + ".trace.db");
    }

    /** Smallest and largest page cache, KiB. */
    static final int MIN_CACHE_KIB = 16 * 1024;
    static final int MAX_CACHE_KIB = 128 * 1024;

    /**
     * H2's page cache ({@code CACHE_SIZE}, KiB) for a heap of {@code maxHeapBytes}: an eighth of it, 16 to 128 MiB.
     * H2's own default is 16 MiB whatever the heap, and a 100,000-message history is about 240 MB of pages: a sweep of
     * expired messages, a pickup into a large history or a long scroll then re-read and re-decrypted most pages (half
     * of the sweep's CPU, issue #12). The cache holds only pages read, so a small profile costs no more memory.
     */
    static int cacheKib(long maxHeapBytes) {
        return (int) Math.max(MIN_CACHE_KIB, Math.min(MAX_CACHE_KIB, maxHeapBytes / 8 / 1024));
    }

    /**
     * The JDBC URL: every option is ours; the path was validated to contain no ';'. The file is opened through
     * {@link EncryptedFilePath} (H2's {@code CIPHER=AES} file format with the JDK's AES; the key is held by
     * {@link FileKeyRing}, never in the URL). {@code WRITE_DELAY=0} makes H2 write each commit to the file before the
     * commit returns: with H2's default (500 ms) a process crash right after a commit loses it, and a message
     * acknowledged to the relay would be gone. {@code QUERY_CACHE_SIZE} is how many parsed statements each connection
     * keeps by their SQL text ({@value #PARSED_STATEMENTS}; H2's default is 8, and a pickup batch alone runs more
     * distinct statements than that, so each was parsed again for every message). {@code MAX_MEMORY_ROWS} is
     * unlimited so H2 never spills a large result to a temporary file: with {@code CIPHER=AES} H2 encrypted those
     * files with the database's cipher, but it opens them outside the database's file scheme, so here they would be
     * written in plain; so every query that can meet many rows is paged or bounded ({@code LIMIT}, keyset pages: the
     * history, search, the sweep, exports, the erase of a conversation), and its result stays small. What some calls
     * return still grows with what it lists (the ids {@code markReadUpTo} marked, the attachment ids of the clean-up).
     */
    static final int PARSED_STATEMENTS = 256;

    String url(boolean create, boolean readOnly) {
        EncryptedFilePath.register();
        StringBuilder url = new StringBuilder("jdbc:h2:").append(EncryptedFilePath.SCHEME).append(':').append(base())
                .append(";TRACE_LEVEL_FILE=0;TRACE_LEVEL_SYSTEM_OUT=0;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0")
                .append(";IFEXISTS=").append(create ? "FALSE" : "TRUE")
                .append(";CACHE_SIZE=").append(cacheKib(Runtime.getRuntime().maxMemory()))
                .append(";QUERY_CACHE_SIZE=").append(PARSED_STATEMENTS)
                .append(";MAX_MEMORY_ROWS=").append(Integer.MAX_VALUE);
        if (readOnly) {
            url.append(";ACCESS_MODE_DATA=r");
        }
        return url.toString();
    }
}
