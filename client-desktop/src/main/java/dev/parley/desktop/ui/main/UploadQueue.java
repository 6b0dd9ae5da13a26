package dev.parley.desktop.ui.main;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Uploads run {@value #CONCURRENT} at a time; the others wait their turn in the order they were sent. One: an upload
 * re-encodes its image (the pixels of a 12-megapixel photo take about 36 MB) and holds a worker of the small shared
 * pool for its whole transfer, so a burst of 100 photos neither fills the heap nor keeps thumbnails and history pages
 * waiting behind it (issue #13). UI thread only.
 */
final class UploadQueue {
    static final int CONCURRENT = 1;

    private record Entry(Transfer upload, Consumer<Runnable> start) {
    }

    private final ArrayDeque<Entry> waiting = new ArrayDeque<>();
    private int running;

    /**
     * Queues {@code upload}; {@code start} is called when its turn comes, with the action to call once it has finished
     * (sent or failed).
     */
    void add(Transfer upload, Consumer<Runnable> start) {
        upload.queued();
        waiting.add(new Entry(upload, Objects.requireNonNull(start)));
        startNext();
    }

    /** Takes a waiting upload out of the queue; false if it is not waiting (running, or done). */
    boolean remove(Transfer upload) {
        return waiting.removeIf(e -> e.upload() == upload);
    }

    private void startNext() {
        while (running < CONCURRENT && !waiting.isEmpty()) {
            Entry next = waiting.poll();
            running++;
            boolean[] finished = new boolean[1];
            next.start().accept(() -> {
                if (!finished[0]) {
                    finished[0] = true;
                    running--;
                    startNext();
                }
            });
        }
    }
}
