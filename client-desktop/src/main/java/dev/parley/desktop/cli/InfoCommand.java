package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.MessageInfo;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.storage.MemberReceipt;
import dev.parley.desktop.storage.MessageId;
import java.time.Instant;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "info", description = {"Print when a message was sent, delivered and read, as this profile knows it "
        + "(receipts arrive with listen): one record: info, message id, direction, state, sent, relay stored, "
        + "delivered, read; instants in ISO-8601 UTC, '-' when not known.",
    "Your message: sent = written, relay stored = the relay confirmed it, delivered and read = the receipts arrived. "
        + "An incoming message: sent = the time the sender's device put in it, relay stored '-', delivered = when it "
        + "reached this profile, read = when you read it.",
    "Your group message: then one record per member: member, username, delivered, read (when that member's "
        + "receipts arrived; '-' when not known), for the group's members but you, then any former member who "
        + "sent a receipt."})
final class InfoCommand extends ProfileCommand {
    @Parameters(index = "0", paramLabel = "MESSAGE-ID")
    String messageId;

    private MessageId id;

    @Override
    void validate() throws ServiceException {
        id = MessageIds.parse(messageId);
    }

    @Override
    ExitCode run(ParleyApp app) throws ServiceException {
        MessageInfo info = app.messaging().info(id)
                .orElseThrow(() -> new InvalidInputException("no message with this id in this profile"));
        out().println(String.join("\t", "info", info.messageId().value(), info.direction().name(), info.state().name(),
                info.sentAt().toString(), instant(info.relayAcceptedAt()), instant(info.deliveredAt()),
                instant(info.readAt())));
        for (MemberReceipt member : app.messaging().memberReceipts(id)) {
            out().println(String.join("\t", "member", member.member(), instant(member.delivered()),
                    instant(member.read())));
        }
        return ExitCode.OK;
    }

    private static String instant(Optional<Instant> at) {
        return at.map(Instant::toString).orElse("-");
    }
}
