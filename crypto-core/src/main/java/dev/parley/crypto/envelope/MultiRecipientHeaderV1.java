package dev.parley.crypto.envelope;

import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.primitives.AuthenticationFailedException;
import dev.parley.crypto.primitives.CryptoProvider;
import java.util.Arrays;

/**
 * Opening the first multi-recipient header format (docs/protocol.md 1.15.4, "Version 1"), which clients before the
 * one-ephemeral-key format still send: a sealed box per recipient, {@code header = 0x01 || sealedbox(IKx_recipient,
 * K || tag)} (113 bytes), {@code body = 0x01 || box} and {@code tag = HMAC(macKey, LABEL(MULTI_HEADER_MAC) || 0x01 ||
 * IK_sender || IK_recipient || K || SHA-256(body))}. This client no longer seals it.
 */
final class MultiRecipientHeaderV1 {
    static final byte VERSION = 1;
    /** Where the inner part's secretbox starts in a version-1 body. */
    static final int BODY_BOX_OFFSET = 1;

    private final CryptoProvider crypto;

    MultiRecipientHeaderV1(CryptoProvider crypto) {
        this.crypto = crypto;
    }

    /** {@code K || tag} from this recipient's version-1 header. */
    byte[] keyAndTag(IdentityKeyPair recipient, byte[] header) throws InvalidMessageException {
        byte[] keyAndTag;
        try {
            keyAndTag = crypto.sealedBox().open(recipient.agreementKeyPair(), Arrays.copyOfRange(header, 1, header.length));
        } catch (AuthenticationFailedException e) {
            throw new InvalidMessageException("multi-recipient header: does not open with this identity key");
        }
        if (keyAndTag.length != MultiRecipientSeal.KEY_BYTES + MultiRecipientSeal.TAG_BYTES) {
            throw new InvalidMessageException("multi-recipient header: bad length");
        }
        return keyAndTag;
    }
}
