package dev.parley.desktop.storage;

/**
 * A conversation for the conversation list.
 *
 * @param lastMessage the most recently stored message
 * @param unreadCount incoming messages not yet READ
 */
public record ConversationSummary(ConversationId conversationId, Message lastMessage, int unreadCount) {
}
