package dev.parley.desktop.storage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A contact.
 *
 * @param username       the contact's unique username
 * @param identityKey    the contact's public identity key as last seen (a copy is kept and handed out)
 * @param verified       the user compared safety numbers for this key
 * @param identityChange whether an identity-change warning is pending
 * @param displayName    a local nickname, or null
 * @param createdAt      when the contact was added
 */
public record Contact(String username, byte[] identityKey, boolean verified, IdentityChangeState identityChange,
                      String displayName, Instant createdAt) {
    public static final int MAX_KEY_BYTES = 64;

    public Contact {
        createdAt = createdAt == null ? null : createdAt.truncatedTo(ChronoUnit.MILLIS);
        Identifiers.check(username, "username", ConversationId.MAX_LENGTH);
        Objects.requireNonNull(identityKey, "identityKey");
        if (identityKey.length == 0 || identityKey.length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("identity key must be 1 to " + MAX_KEY_BYTES + " bytes");
        }
        identityKey = identityKey.clone();
        Objects.requireNonNull(identityChange, "identityChange");
        if (displayName != null) {
            Identifiers.check(displayName, "display name", ConversationId.MAX_LENGTH);
        }
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A new, unverified contact without a warning. */
    public static Contact of(String username, byte[] identityKey, Instant createdAt) {
        return new Contact(username, identityKey, false, IdentityChangeState.NONE, null, createdAt);
    }

    @Override
    public byte[] identityKey() {
        return identityKey.clone();
    }

    public Optional<String> display() {
        return Optional.ofNullable(displayName);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Contact c && username.equals(c.username) && Arrays.equals(identityKey, c.identityKey)
                && verified == c.verified && identityChange == c.identityChange
                && Objects.equals(displayName, c.displayName) && createdAt.equals(c.createdAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(username, Arrays.hashCode(identityKey), verified, identityChange, displayName, createdAt);
    }

    @Override
    public String toString() {
        return "Contact[" + username.length() + " chars, verified=" + verified + ", " + identityChange + "]";
    }
}
