package dev.parley.desktop.cli;

import java.util.Map;
import picocli.CommandLine;

/** Builds commands with the environment injected, so tests control what the CLI sees. */
final class CliFactory implements CommandLine.IFactory {
    private final Map<String, String> environment;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    CliFactory(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type == PassphraseOptions.class) {
            return type.cast(new PassphraseOptions(environment));
        }
        return fallback.create(type);
    }
}
