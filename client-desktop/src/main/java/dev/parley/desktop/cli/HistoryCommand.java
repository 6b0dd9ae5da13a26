package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessagePage;
import dev.parley.desktop.storage.Reaction;
import dev.parley.desktop.service.ServiceException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "history", description = {"Print the newest messages with a contact, oldest first (same format as listen).",
    "Each message is followed by what happened to it: deleted, message id (a tombstone); or edited, message id, "
        + "count (the line shows the current text); for a reply: reply, message id, quoted id, author, snippet; "
        + "for a file: attachment, message id, file name, size in bytes, content type, state "
        + "(UPLOADED, AVAILABLE, DOWNLOADED, EXPIRED, INVALID); "
        + "then its reactions, one record each: reaction, message id, who, emoji."})
final class HistoryCommand extends ProfileCommand {
    @Parameters(index = "0", paramLabel = "CONTACT", description = "A contact, or a group (its id or unique title).")
    String contact;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "How many messages (default 50).")
    int limit;

    @Override
    void validate() throws ServiceException {
        Limits.check(limit);
    }

    @Override
    ExitCode run(ParleyApp app) throws ServiceException {
        Optional<dev.parley.desktop.storage.StoredGroup> group = GroupTargets.group(app, contact);
        String conversation = group.isPresent()
                ? dev.parley.desktop.storage.ConversationId.group(group.get().state().id()).value() : contact;
        if (group.isEmpty()) {
            app.contacts().get(contact);
        }
        MessagePage page = app.messaging().history(conversation, Optional.empty(), limit);
        List<Message> chronological = new ArrayList<>(page.messages());
        Collections.reverse(chronological);
        java.util.Map<dev.parley.desktop.storage.MessageId, List<Reaction>> reactions = chronological.isEmpty()
                ? java.util.Map.of() : app.messaging().reactions(chronological.stream().map(Message::messageId).toList());
        java.util.Map<dev.parley.desktop.storage.MessageId, dev.parley.desktop.storage.Attachment> attached =
                new java.util.HashMap<>();
        if (!chronological.isEmpty()) {
            for (dev.parley.desktop.storage.Attachment a : app.attachments().attachments(
                    chronological.stream().map(Message::messageId).toList())) {
                attached.put(a.messageId(), a);
            }
        }
        for (Message message : chronological) {
            out().println(Output.message(message));
            Output.changes(message).forEach(out()::println);
            if (attached.containsKey(message.messageId())) {
                out().println(Output.attachment(attached.get(message.messageId())));
            }
            for (Reaction reaction : reactions.getOrDefault(message.messageId(), List.of())) {
                out().println(Output.reaction(reaction));
            }
        }
        return ExitCode.OK;
    }
}
