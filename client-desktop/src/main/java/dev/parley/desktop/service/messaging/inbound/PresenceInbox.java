package dev.parley.desktop.service.messaging.inbound;

/** Where received presence goes once its transaction committed (issue #14): the in-memory presence tracker. */
@FunctionalInterface
public interface PresenceInbox {
    /** Ignores presence (a client that shows none). */
    PresenceInbox IGNORE = (sender, device, online, replyWanted) -> { };

    /**
     * One device ({@code device}, issue #17) of an accepted contact said it is online or offline; called on the
     * inbound thread, must not block.
     */
    void received(String sender, int device, boolean online, boolean replyWanted);
}
