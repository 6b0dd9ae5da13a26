package dev.parley.crypto.session;

import java.util.OptionalInt;

/** The initiator's record of which prekeys it used, kept until the responder's first reply arrives. */
record PendingPreKey(int signedPreKeyId, OptionalInt oneTimePreKeyId) {
}
