package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.storage.Message;
import java.util.Optional;
import dev.parley.desktop.service.ServiceException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "search", description = "Full-text search over the history, newest first (same format as listen).")
final class SearchCommand extends ProfileCommand {
    @Parameters(index = "0..*", arity = "1..*", paramLabel = "WORD")
    List<String> words;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N results (default 50).")
    int limit;

    @Override
    void validate() throws ServiceException {
        Limits.check(limit);
    }

    @Override
    ExitCode run(ParleyApp app) throws ServiceException {
        for (Message message : app.messaging().search(String.join(" ", words), Optional.empty(), limit)) {
            out().println(Output.message(message));
        }
        return ExitCode.OK;
    }
}
