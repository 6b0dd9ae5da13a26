package dev.parley.desktop.cli;

import dev.parley.desktop.service.ProfileLockedException;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the passphrase comes from, in this order: {@code --passphrase-file}, {@code --passphrase-env} (the name of an
 * environment variable), the variable {@code PARLEY_PASSPHRASE}, and finally an interactive prompt when a console is
 * attached. The passphrase is never accepted as a plain option, so it never shows up in {@code ps}. The options are
 * global ({@link ParleyCli}): they may stand before or after the command name.
 */
final class PassphraseOptions {
    static final String DEFAULT_ENV = "PARLEY_PASSPHRASE";

    private final Path file;
    private final String env;
    private final Map<String, String> environment;

    /** The options as given ({@code file} and {@code env} may be null) and the process environment. */
    PassphraseOptions(Path file, String env, Map<String, String> environment) {
        this.file = file;
        this.env = env;
        this.environment = environment;
    }

    /**
     * The passphrase; the caller wipes the array after use.
     *
     * @throws ProfileLockedException if no source provides one (or the file cannot be read)
     */
    char[] read() throws ProfileLockedException {
        if (file != null) {
            try {
                String content = Files.readString(file, StandardCharsets.UTF_8);
                int newline = content.indexOf('\n');
                String line = newline < 0 ? content : content.substring(0, newline);
                return stripCarriageReturn(line).toCharArray();
            } catch (IOException e) {
                throw new ProfileLockedException("cannot read the passphrase file", e);
            }
        }
        String variable = env != null ? env : DEFAULT_ENV;
        String value = environment.get(variable);
        if (value != null) {
            return value.toCharArray();
        }
        if (env != null) {
            throw new ProfileLockedException("environment variable " + env + " is not set");
        }
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("Passphrase: ");
            if (typed != null) {
                return typed;
            }
        }
        throw new ProfileLockedException("no passphrase: use --passphrase-file, --passphrase-env or " + DEFAULT_ENV);
    }

    private static String stripCarriageReturn(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
