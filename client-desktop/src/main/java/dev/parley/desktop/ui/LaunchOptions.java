package dev.parley.desktop.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The desktop app's command line: {@code [--profile NAME] [--data-dir DIR]}.
 *
 * @param profile the profile to open or create; empty to pick one (or name it after the username)
 * @param dataDir overrides where profiles live (else XDG, see {@code AppDirectories})
 */
public record LaunchOptions(String profile, Optional<Path> dataDir) {
    public LaunchOptions {
        Objects.requireNonNull(profile);
        Objects.requireNonNull(dataDir);
    }

    /**
     * Parses the arguments.
     *
     * @throws IllegalArgumentException with a usage message for anything else
     */
    public static LaunchOptions parse(List<String> args) {
        String profile = "";
        Optional<Path> dataDir = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--profile") || a.equals("--data-dir")) {
                if (i + 1 >= args.size() || args.get(i + 1).isBlank()) {
                    throw new IllegalArgumentException(a + " needs a value\n" + usage());
                }
                String value = args.get(++i);
                if (a.equals("--profile")) {
                    profile = value.strip();
                } else {
                    dataDir = Optional.of(Path.of(value).toAbsolutePath());
                }
            } else if (a.startsWith("--profile=")) {
                profile = a.substring("--profile=".length()).strip();
            } else if (a.startsWith("--data-dir=")) {
                dataDir = Optional.of(Path.of(a.substring("--data-dir=".length())).toAbsolutePath());
            } else {
                throw new IllegalArgumentException("unknown argument: " + a + "\n" + usage());
            }
        }
        return new LaunchOptions(profile, dataDir);
    }

    public static String usage() {
        return "usage: parley [--profile NAME] [--data-dir DIR]";
    }
}
