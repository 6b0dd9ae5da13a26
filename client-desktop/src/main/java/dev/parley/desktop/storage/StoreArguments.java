package dev.parley.desktop.storage;

/**
 * Argument checks every store implementation applies, so that the in-memory and database implementations reject
 * exactly the same input (with {@link IllegalArgumentException}).
 */
public final class StoreArguments {
    public static final int MAX_FAILURE_REASON_CHARS = 512;

    private StoreArguments() {
    }

    /** A reason is required for FAILED (1 to 512 characters) and forbidden otherwise. */
    public static void checkFailureReason(MessageState state, String reason) {
        if (state == null) {
            throw new IllegalArgumentException("state is required");
        }
        if (state == MessageState.FAILED) {
            if (reason == null || reason.isBlank() || reason.length() > MAX_FAILURE_REASON_CHARS) {
                throw new IllegalArgumentException("FAILED needs a reason of 1 to 512 characters");
            }
        } else if (reason != null) {
            throw new IllegalArgumentException("only FAILED takes a reason");
        }
    }

    /** 1 to {@link MessageStore#MAX_LIMIT}. */
    /** At most {@link AttachmentStore#MAX_IDS} ids asked about at once. */
    public static void checkIds(java.util.Collection<String> ids) {
        if (ids.size() > AttachmentStore.MAX_IDS) {
            throw new IllegalArgumentException("at most " + AttachmentStore.MAX_IDS + " ids at once");
        }
    }

    public static void checkLimit(int limit) {
        if (limit < 1 || limit > MessageStore.MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MessageStore.MAX_LIMIT);
        }
    }

    /** A secret entry's key, and its value when non-null. */
    public static void checkSecret(String key, byte[] value) {
        Identifiers.check(key, "secret key", SecretStore.MAX_KEY_CHARS);
        if (value != null && value.length > SecretStore.MAX_VALUE_BYTES) {
            throw new IllegalArgumentException("secret value larger than " + SecretStore.MAX_VALUE_BYTES + " bytes");
        }
    }

    /** A username (contact, recipient): 1 to 128 characters, no control characters. */
    public static String checkUsername(String username) {
        return Identifiers.check(username, "username", ConversationId.MAX_LENGTH);
    }

    /** A display name, or null. */
    public static String checkDisplayName(String displayName) {
        return displayName == null ? null : Identifiers.check(displayName, "display name", ConversationId.MAX_LENGTH);
    }
}
