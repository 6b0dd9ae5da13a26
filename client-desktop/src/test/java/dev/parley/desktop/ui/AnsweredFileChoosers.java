package dev.parley.desktop.ui;

import dev.parley.desktop.ui.main.FileChoosers;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Window;

/** The chat's file dialogs answered by the test: the file to send and the place to save to it set last (or none). */
final class AnsweredFileChoosers implements FileChoosers {
    private final AtomicReference<Path> toSend = new AtomicReference<>();
    private final AtomicReference<Path> saveTo = new AtomicReference<>();

    /** The next "send a file" dialog picks {@code file} (null: the dialog is cancelled). */
    void send(Path file) {
        toSend.set(file);
    }

    /** The next "Save as" dialog picks {@code target} (null: the dialog is cancelled). */
    void saveTo(Path target) {
        saveTo.set(target);
    }

    @Override
    public Optional<Path> fileToSend(Window owner, String title) {
        return Optional.ofNullable(toSend.get());
    }

    @Override
    public Optional<Path> saveTarget(Window owner, String title, String name) {
        return Optional.ofNullable(saveTo.get());
    }
}
