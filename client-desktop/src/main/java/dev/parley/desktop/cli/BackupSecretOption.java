package dev.parley.desktop.cli;

import dev.parley.desktop.service.InvalidInputException;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The backup secret (passphrase or recovery code), apart from the profile's passphrase: {@code
 * --backup-passphrase-file FILE} (first line), else {@code PARLEY_BACKUP_PASSPHRASE}, else a prompt on a console when
 * {@code prompt} is set; otherwise none (an export then generates a recovery code). Never a plain option.
 */
final class BackupSecretOption {
    static final String ENV = "PARLEY_BACKUP_PASSPHRASE";

    private BackupSecretOption() {
    }

    /** The secret, or null if none was given (and no prompt); the caller wipes it. */
    static char[] read(Path file, Map<String, String> environment, boolean prompt) throws InvalidInputException {
        if (file != null) {
            try {
                String content = Files.readString(file, StandardCharsets.UTF_8);
                int newline = content.indexOf('\n');
                String line = newline < 0 ? content : content.substring(0, newline);
                return (line.endsWith("\r") ? line.substring(0, line.length() - 1) : line).toCharArray();
            } catch (IOException e) {
                throw new InvalidInputException("cannot read the backup passphrase file");
            }
        }
        String value = environment.get(ENV);
        if (value != null && !value.isEmpty()) {
            return value.toCharArray();
        }
        Console console = System.console();
        if (prompt && console != null) {
            char[] typed = console.readPassword("Backup passphrase or recovery code: ");
            if (typed != null && typed.length > 0) {
                return typed;
            }
        }
        return null;
    }
}
