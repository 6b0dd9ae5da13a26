package dev.parley.relay.store;

/** Outcome of {@link AccountStore#register}. */
public enum Registration {
    CREATED,
    USERNAME_TAKEN,
    INVALID_INVITE
}
