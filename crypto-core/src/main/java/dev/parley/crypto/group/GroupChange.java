package dev.parley.crypto.group;

import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.kdf.Kdf;
import dev.parley.crypto.kdf.Label;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.Ed25519;
import dev.parley.crypto.primitives.InvalidSignatureException;
import dev.parley.crypto.wire.Usernames;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One signed change of a group (docs/protocol.md 1.15.2): what was done ({@code action}, {@code subjects}), by whom
 * ({@code author}), the whole state it results in, and the author's Ed25519 identity-key signature over
 * {@code LABEL(GROUP_CHANGE) || the encoding before the signature} ({@link GroupCodec}).
 */
public record GroupChange(GroupAction action, String author, List<String> subjects, GroupState state,
        byte[] signature) {

    public GroupChange {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(state, "state");
        if (author == null || !Usernames.isValid(author)) {
            throw new IllegalArgumentException("group change: not a valid author");
        }
        subjects = List.copyOf(subjects);
        if (subjects.size() > GroupState.MAX_MEMBERS || subjects.stream().anyMatch(s -> !Usernames.isValid(s))
                || subjects.stream().distinct().count() != subjects.size()) {
            throw new IllegalArgumentException("group change: bad subjects");
        }
        if (signature.length != Ed25519.SIGNATURE_BYTES) {
            throw new IllegalArgumentException("group change: 64-byte signature expected");
        }
        signature = signature.clone();
    }

    /** A change signed by {@code author}'s identity key. */
    public static GroupChange sign(CryptoProvider crypto, IdentityKeyPair authorKey, String author,
            GroupAction action, List<String> subjects, GroupState state) {
        byte[] unsigned = GroupCodec.unsignedChange(action, author, subjects, state);
        byte[] signature = crypto.ed25519().sign(authorKey.signingKeyPair(),
                Kdf.concat(Label.GROUP_CHANGE, unsigned));
        return new GroupChange(action, author, subjects, state, signature);
    }

    /** @throws InvalidMessageException unless {@code authorKey} signed exactly this change */
    public void verify(CryptoProvider crypto, IdentityKey authorKey) throws InvalidMessageException {
        try {
            crypto.ed25519().verify(authorKey.bytes(),
                    Kdf.concat(Label.GROUP_CHANGE, GroupCodec.unsignedChange(action, author, subjects, state)),
                    signature);
        } catch (InvalidSignatureException e) {
            throw new InvalidMessageException("group change: bad signature");
        }
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** SHA-256 of the whole encoded change: the tie-break between concurrent changes (1.15.2). */
    public byte[] hash(CryptoProvider crypto) {
        return crypto.sha256(GroupCodec.encodeChange(this));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupChange c && action == c.action && author.equals(c.author)
                && subjects.equals(c.subjects) && state.equals(c.state) && Arrays.equals(signature, c.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(action, author, subjects, state, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "GroupChange[" + action + ", " + state + "]";
    }
}
