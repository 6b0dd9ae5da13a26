package dev.parley.crypto.kdf;

import dev.parley.crypto.prekey.SignedPreKeyPublic;
import java.nio.charset.StandardCharsets;

/**
 * Every domain-separation label of the session protocol, in one place. A label is an ASCII string; wherever it is
 * used as a prefix it is followed by one 0x00 byte ({@link #prefix()}), so no label is a prefix of another's input.
 * Changing any string here changes the protocol: {@code docs/protocol.md} part 1 lists them and the KATs pin them.
 */
public enum Label {
    /** Signed-prekey signatures (defined by {@link SignedPreKeyPublic#SIGNATURE_LABEL}). */
    SIGNED_PREKEY(SignedPreKeyPublic.SIGNATURE_LABEL),
    /** HKDF info prefix of the PQXDH shared secret (X3DH's four DH outputs and the ML-KEM-1024 shared secret). */
    PQXDH("parley/v2/pqxdh"),
    /** HKDF info prefix of the root-chain step KDF_RK. */
    ROOT_CHAIN("parley/v1/ratchet-root"),
    /** Hash prefix of a message's associated data (identity keys and header). */
    MESSAGE_AD("parley/v1/message-ad"),
    /** HKDF info prefix turning a message key and an AD hash into a secretbox key and nonce. */
    MESSAGE_CIPHER("parley/v1/message-cipher"),
    /** HKDF info prefix of the sealed-sender MAC key (static-static DH of identity keys). */
    SEALED_SENDER_KEY("parley/v1/sealed-sender-key"),
    /** HMAC input prefix of the sealed-sender MAC. */
    SEALED_SENDER_MAC("parley/v1/sealed-sender-mac"),
    /** Hash prefix of each party's safety-number fingerprint. */
    SAFETY_NUMBER("parley/v1/safety-number"),
    /** Signature prefix of a relay's sender certificate ({@code dev.parley.crypto.envelope.SenderCertificate}). */
    SENDER_CERTIFICATE("parley/v2/sender-certificate"),
    /** HKDF info prefix turning a sender-key message key and the message header into a secretbox key and nonce. */
    SENDER_KEY_CIPHER("parley/v2/sender-key-cipher"),
    /** Signature prefix of a sender-key (group) message. */
    SENDER_KEY_SIGNATURE("parley/v2/sender-key-signature"),
    /** Signature prefix of a group change message (issue #15). */
    GROUP_CHANGE("parley/v2/group-change"),
    /** HKDF info prefix turning a multi-recipient body key into a secretbox key and nonce (issue #15). */
    MULTI_BODY("parley/v2/multi-body"),
    /** HKDF info prefix of a multi-recipient header's MAC key (static-static DH of identity keys, issue #15). */
    MULTI_HEADER_KEY("parley/v2/multi-header-key"),
    /** HMAC input prefix of a multi-recipient header's MAC (issue #15). */
    MULTI_HEADER_MAC("parley/v2/multi-header-mac"),
    /** HKDF info prefix of a version-2 multi-recipient header's secretbox key and nonce (DH(e, IK_recipient), #15). */
    MULTI_HEADER_BOX("parley/v2/multi-header-box"),
    /** HMAC prefix of the proof a join request carries that its sender knows a group's invite secret (issue #15). */
    GROUP_JOIN("parley/v2/group-join"),
    /** Hash prefix naming a device-linking channel on the relay (issue #17, {@code dev.parley.crypto.link}). */
    LINK_CHANNEL("parley/v2/link-channel"),
    /** HKDF info of the MAC key both devices derive from a linking secret. */
    LINK_MAC_KEY("parley/v2/link-mac"),
    /** HMAC prefix of the existing device's offer (its ephemeral key). */
    LINK_OFFER("parley/v2/link-offer"),
    /** HMAC prefix of the new device's reply (its ephemeral key and name). */
    LINK_REPLY("parley/v2/link-reply"),
    /** HKDF info prefix of the key that seals the provisioning message. */
    LINK_KEY("parley/v2/link-key"),
    /** HKDF info of an attachment's read token, derived from its file key (issue #15, files in groups). */
    ATTACHMENT_READ_TOKEN("parley/v2/attachment-read-token"),
    /** Signature prefix of a group's current state sent to a member that asked for it (issue #15, resync). */
    GROUP_STATE("parley/v2/group-state");

    private final String text;
    private final byte[] prefix;

    Label(String text) {
        this.text = text;
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        this.prefix = new byte[ascii.length + 1];
        System.arraycopy(ascii, 0, prefix, 0, ascii.length);
    }

    /** The label string itself, e.g. {@code "parley/v2/pqxdh"}. */
    public String text() {
        return text;
    }

    /** ASCII bytes of the label followed by one 0x00 byte. */
    public byte[] prefix() {
        return prefix.clone();
    }

    int prefixLength() {
        return prefix.length;
    }

    void copyPrefixTo(byte[] into, int offset) {
        System.arraycopy(prefix, 0, into, offset, prefix.length);
    }
}
