package dev.parley.crypto.wire;

/**
 * Stable error codes carried by {@link Response.ErrorResponse}. Their names are part of the wire protocol: never
 * rename one; add new ones at the end.
 */
public enum ErrorCode {
    /** The bytes are not a well-formed frame (not CBOR/JSON, truncated, not an object, missing envelope fields). */
    MALFORMED_FRAME,
    /** The envelope's protocol version is not one this relay speaks. */
    UNSUPPORTED_VERSION,
    /** The frame type is unknown. */
    UNKNOWN_TYPE,
    /** A field is missing, has the wrong type, or has an invalid value (for example a 31-byte key). */
    INVALID_FIELD,
    /** The frame is larger than the relay's frame-size limit. */
    FRAME_TOO_LARGE,
    /** The frame is a valid frame but not a request (clients must not send responses or pushes). */
    UNEXPECTED_FRAME,
    /** Only register and authenticate are allowed before authentication. */
    NOT_AUTHENTICATED,
    /** The connection is already authenticated. */
    ALREADY_AUTHENTICATED,
    /** Unknown user, wrong key or bad signature: deliberately not distinguished. */
    AUTH_FAILED,
    /** No unused challenge, or it expired; a fresh challenge is pushed with this error. */
    CHALLENGE_EXPIRED,
    /** The username does not match the allowed charset or length. */
    INVALID_USERNAME,
    /** The username is already registered. */
    USERNAME_TAKEN,
    /** The relay is invite-only and the invite code is missing, unknown, used or revoked. */
    INVALID_INVITE,
    /** A signed prekey's signature does not verify against the identity key. */
    INVALID_SIGNATURE,
    /** No such user (directory lookups and sends). */
    UNKNOWN_USER,
    /** The recipient's queue is full; retry later. */
    QUEUE_FULL,
    /** A rate limit was exceeded; {@code retryAfterMillis} says when to retry. */
    RATE_LIMITED,
    /** An acknowledgement named a message that is not queued for this user. */
    UNKNOWN_MESSAGE,
    /** The relay failed internally; the frame may be retried. */
    INTERNAL_ERROR,
    /** An upload would take the account's one-time prekeys past the relay's cap; nothing of it was stored. */
    PREKEY_LIMIT,
    /** An attachment is larger than the relay's maximum; nothing was stored. */
    ATTACHMENT_TOO_LARGE,
    /** The uploader's attachments would exceed its quota; nothing was stored. */
    QUOTA_EXCEEDED,
    /** No complete attachment with this id that this account may read (unknown, expired, or someone else's). */
    UNKNOWN_ATTACHMENT,
    /** The relay's disk has no room for the attachment; nothing of it is kept. */
    STORAGE_FULL,
    /** This device was unlinked from its account: it cannot log in again (it should wipe its account data). */
    DEVICE_UNLINKED,
    /** The account already has the most devices a relay allows (6). */
    DEVICE_LIMIT,
    /** A device of the account still logs in with the identity key: give it a credential key first. */
    DEVICE_CREDENTIAL_REQUIRED,
    /** No current device with this id in the account. */
    UNKNOWN_DEVICE,
    /** The account's only device cannot be unlinked. */
    LAST_DEVICE,
    /** No open linking channel with this id (never opened, expired, its opener left, or it has its new device). */
    UNKNOWN_CHANNEL
}
