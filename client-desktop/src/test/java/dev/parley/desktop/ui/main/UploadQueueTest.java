package dev.parley.desktop.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue #13's burst: uploads start one at a time, in the order sent; a waiting one can leave the queue. */
class UploadQueueTest {
    private final List<String> started = new ArrayList<>();
    private final List<Runnable> finish = new ArrayList<>();
    private final UploadQueue queue = new UploadQueue();

    @Test
    void startsOneAtATimeInOrderAndTheNextWhenOneFinishes() {
        Transfer a = add("a");
        Transfer b = add("b");
        Transfer c = add("c");
        assertThat(started).containsExactly("a");
        assertThat(List.of(a, b, c)).extracting(t -> t.stateProperty().get())
                .containsExactly(Transfer.State.RUNNING, Transfer.State.QUEUED, Transfer.State.QUEUED);

        finish.get(0).run();
        finish.get(0).run(); // finishing twice frees one place only
        assertThat(started).containsExactly("a", "b");
        finish.get(1).run();
        assertThat(started).containsExactly("a", "b", "c");
    }

    @Test
    void aWaitingUploadLeavesTheQueueARunningOneDoesNot() {
        Transfer a = add("a");
        Transfer b = add("b");
        Transfer c = add("c");
        assertThat(queue.remove(a)).as("running").isFalse();
        assertThat(queue.remove(b)).isTrue();
        assertThat(queue.remove(b)).isFalse();
        finish.get(0).run();
        assertThat(started).containsExactly("a", "c");
        assertThat(c.stateProperty().get()).isEqualTo(Transfer.State.RUNNING);
    }

    private Transfer add(String name) {
        Transfer upload = new Transfer(name, Runnable::run);
        queue.add(upload, done -> {
            upload.started();
            started.add(name);
            finish.add(done);
        });
        return upload;
    }
}
