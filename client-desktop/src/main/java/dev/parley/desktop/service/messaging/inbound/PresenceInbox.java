package dev.parley.desktop.service.messaging.inbound;

/** Where received presence goes once its transaction committed (issue #14): the in-memory presence tracker. */
@FunctionalInterface
public interface PresenceInbox {
    /** Ignores presence (a client that shows none). */
    PresenceInbox IGNORE = (sender, online, replyWanted) -> { };

    /** An accepted contact said it is online or offline; called on the inbound thread, must not block. */
    void received(String sender, boolean online, boolean replyWanted);
}
