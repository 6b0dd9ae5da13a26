package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.BackgroundTasks;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.scene.image.Image;

/**
 * Thumbnails of image messages, decoded from the pointer's small JPEG on the heavy worker (never on the UI thread) and
 * kept for the most recently shown {@value #CAPACITY} messages. Each is decoded once however many cells ask at once.
 */
final class ThumbnailCache {
    static final int CAPACITY = 300;
    private final BackgroundTasks tasks;
    private final Map<String, Image> images = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > CAPACITY;
        }
    };
    private final Map<String, List<Consumer<Image>>> decoding = new HashMap<>();

    ThumbnailCache(BackgroundTasks tasks) {
        this.tasks = Objects.requireNonNull(tasks);
    }

    /** Calls {@code show} (on the UI thread) with the decoded thumbnail of message {@code id}; now if it is cached. */
    void load(String id, byte[] jpeg, Consumer<Image> show) {
        Image cached = images.get(id);
        if (cached != null) {
            show.accept(cached);
            return;
        }
        List<Consumer<Image>> waiting = decoding.get(id);
        if (waiting != null) {
            waiting.add(show);
            return;
        }
        List<Consumer<Image>> first = new ArrayList<>();
        first.add(show);
        decoding.put(id, first);
        tasks.runHeavy(() -> new Image(new ByteArrayInputStream(jpeg)), image -> {
            List<Consumer<Image>> all = decoding.remove(id);
            if (!image.isError()) {
                images.put(id, image);
                all.forEach(c -> c.accept(image));
            }
        }, e -> decoding.remove(id));
    }

    /** Whether the thumbnail of message {@code id} is decoded. */
    boolean has(String id) {
        return images.containsKey(id);
    }
}
