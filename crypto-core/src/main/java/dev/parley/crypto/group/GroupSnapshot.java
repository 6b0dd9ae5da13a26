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
import java.util.Objects;

/**
 * A group's current state as an admin holds it, signed for the member that asked for it (docs/protocol.md 1.15.2,
 * "Resynchronisation"): the state, the hash of the change that produced it (so the member keeps the same tie-break
 * value as everyone else), and the admin's Ed25519 identity-key signature over
 * {@code LABEL(GROUP_STATE) || the encoding before the signature} ({@link GroupCodec#encodeSnapshot}). Bound to the
 * requester, so it cannot be passed on as an answer to another member.
 */
public record GroupSnapshot(String author, String requester, GroupState state, byte[] changeHash, byte[] signature) {
    public static final int HASH_BYTES = 32;

    public GroupSnapshot {
        Objects.requireNonNull(state, "state");
        if (author == null || !Usernames.isValid(author) || requester == null || !Usernames.isValid(requester)) {
            throw new IllegalArgumentException("group snapshot: not a valid author or requester");
        }
        if (changeHash == null || changeHash.length != HASH_BYTES) {
            throw new IllegalArgumentException("group snapshot: 32-byte change hash expected");
        }
        if (signature == null || signature.length != Ed25519.SIGNATURE_BYTES) {
            throw new IllegalArgumentException("group snapshot: 64-byte signature expected");
        }
        changeHash = changeHash.clone();
        signature = signature.clone();
    }

    /** The state signed by {@code author}'s identity key for {@code requester}. */
    public static GroupSnapshot sign(CryptoProvider crypto, IdentityKeyPair authorKey, String author, String requester,
                                     GroupState state, byte[] changeHash) {
        byte[] unsigned = GroupCodec.unsignedSnapshot(author, requester, state, changeHash);
        byte[] signature = crypto.ed25519().sign(authorKey.signingKeyPair(), Kdf.concat(Label.GROUP_STATE, unsigned));
        return new GroupSnapshot(author, requester, state, changeHash, signature);
    }

    /** @throws InvalidMessageException unless {@code authorKey} signed exactly this snapshot */
    public void verify(CryptoProvider crypto, IdentityKey authorKey) throws InvalidMessageException {
        try {
            crypto.ed25519().verify(authorKey.bytes(), Kdf.concat(Label.GROUP_STATE,
                    GroupCodec.unsignedSnapshot(author, requester, state, changeHash)), signature);
        } catch (InvalidSignatureException e) {
            throw new InvalidMessageException("group snapshot: bad signature");
        }
    }

    @Override
    public byte[] changeHash() {
        return changeHash.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupSnapshot s && author.equals(s.author) && requester.equals(s.requester)
                && state.equals(s.state) && Arrays.equals(changeHash, s.changeHash)
                && Arrays.equals(signature, s.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(author, requester, state, Arrays.hashCode(changeHash), Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "GroupSnapshot[" + state + "]";
    }
}
