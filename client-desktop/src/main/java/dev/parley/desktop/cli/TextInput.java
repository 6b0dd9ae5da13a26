package dev.parley.desktop.cli;

import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** A command's text: its TEXT words joined by spaces, or standard input when there are none. */
final class TextInput {
    private TextInput() {
    }

    static String of(List<String> words) throws ServiceException {
        if (words != null && !words.isEmpty()) {
            return String.join(" ", words);
        }
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            return reader.lines().collect(Collectors.joining("\n")).strip();
        } catch (UncheckedIOException e) {
            throw new StorageFailureException("cannot read standard input", e.getCause());
        }
    }
}
