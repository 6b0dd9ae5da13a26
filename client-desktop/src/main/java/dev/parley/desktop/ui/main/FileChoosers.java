package dev.parley.desktop.ui.main;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The file dialogs of the chat: which file to send, where to save a received one. Behind an interface so tests can
 * answer without the platform's native dialog.
 */
public interface FileChoosers {

    /** Asks which file to send; empty when the user cancelled. */
    Optional<Path> fileToSend(Window owner, String title);

    /** Asks where to save a received file, suggesting {@code name}; empty when the user cancelled. */
    Optional<Path> saveTarget(Window owner, String title, String name);

    /** The platform's file dialogs. */
    static FileChoosers system() {
        return new FileChoosers() {
            @Override
            public Optional<Path> fileToSend(Window owner, String title) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
            }

            @Override
            public Optional<Path> saveTarget(Window owner, String title, String name) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.setInitialFileName(name);
                return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
            }
        };
    }
}
