package dev.parley.desktop.ui.unlock;

import dev.parley.desktop.storage.MigrationProgress;
import dev.parley.desktop.ui.common.UserMessages;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Turns a profile update's progress (reported on the unlocking thread) into the unlock screen's line "Updating your
 * message history… 45%", handed to the UI thread only when the text changes, and a percentage at most every
 * {@value #MIN_INTERVAL_MILLIS} ms (the first one and the last, 100%, always), so a migration of a million rows posts
 * a few updates a second, not one per range.
 */
final class MigrationText implements MigrationProgress {
    static final long MIN_INTERVAL_MILLIS = 250;

    private final UserMessages messages;
    private final Executor uiThread;
    private final Consumer<String> show;
    private final LongSupplier nanoTime;
    private String lastText = "";
    private long lastPostedAt;
    private boolean posted;
    private boolean lastHadPercent;

    MigrationText(UserMessages messages, Executor uiThread, Consumer<String> show, LongSupplier nanoTime) {
        this.messages = Objects.requireNonNull(messages);
        this.uiThread = Objects.requireNonNull(uiThread);
        this.show = Objects.requireNonNull(show);
        this.nanoTime = Objects.requireNonNull(nanoTime);
    }

    @Override
    public synchronized void update(String step, long done, long total) {
        boolean finished = total > 0 && done >= total;
        String text = total <= 0 ? messages.get("unlock.migrating")
                : messages.get("unlock.migratingPercent", percent(done, total));
        if (text.equals(lastText)) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (posted && !finished && lastHadPercent
                && now - lastPostedAt < TimeUnit.MILLISECONDS.toNanos(MIN_INTERVAL_MILLIS)) {
            return;
        }
        posted = true;
        lastHadPercent = total > 0;
        lastPostedAt = now;
        lastText = text;
        uiThread.execute(() -> show.accept(text));
    }

    static int percent(long done, long total) {
        return (int) Math.max(0, Math.min(100, done * 100 / total));
    }
}
