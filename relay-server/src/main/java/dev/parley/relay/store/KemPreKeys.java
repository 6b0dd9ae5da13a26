package dev.parley.relay.store;

import dev.parley.crypto.prekey.KemPreKeyPublic;
import java.util.List;

/**
 * KEM prekeys (ML-KEM-1024) of one upload: a new last-resort KEM prekey (replacing the stored one; may be null in an
 * upload that only adds one-time keys) and one-time KEM prekeys (ids already held are ignored).
 */
public record KemPreKeys(KemPreKeyPublic lastResort, List<KemPreKeyPublic> oneTime) {
    public KemPreKeys {
        oneTime = oneTime == null ? List.of() : List.copyOf(oneTime);
    }
}
