package dev.parley.desktop.service.account;

import dev.parley.crypto.exceptions.InvalidKeyIdException;
import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.prekey.KemPreKeyPublic;
import dev.parley.crypto.prekey.OneTimePreKeyPublic;
import dev.parley.crypto.session.KemPreKeyRecord;
import dev.parley.crypto.session.OneTimePreKeyRecord;
import dev.parley.crypto.session.PreKeyGenerator;
import dev.parley.crypto.wire.Request;
import dev.parley.desktop.crypto.ProtocolStorageException;
import dev.parley.desktop.crypto.ProtocolUnitOfWork;
import java.util.ArrayList;
import java.util.List;

/**
 * The public halves of one-time prekey sets (a one-time EC prekey and a one-time ML-KEM prekey each, as many of each),
 * and the two ways a profile comes by them: generating new sets (advancing both id counters of {@link AccountKeys}) or
 * reading back the newest stored ones, for a registration or a restore's replacement upload.
 */
record OneTimePreKeySets(List<OneTimePreKeyPublic> oneTime, List<KemPreKeyPublic> kem) {

    /** Generates {@code count} sets into {@code work} (stored at its commit) and advances both id counters. */
    static OneTimePreKeySets generate(ProtocolUnitOfWork work, PreKeyGenerator generator, IdentityKeyPair identity,
                                      int count) {
        int next = work.counter(AccountKeys.NEXT_PREKEY_ID);
        int nextKem = work.counter(AccountKeys.NEXT_KEM_PREKEY_ID);
        List<OneTimePreKeyPublic> oneTime = new ArrayList<>();
        List<KemPreKeyPublic> kem = new ArrayList<>();
        for (OneTimePreKeyRecord record : generator.generateOneTimePreKeys(next, count)) {
            work.storePreKey(record);
            oneTime.add(record.publicPart());
        }
        for (KemPreKeyRecord record : generator.generateOneTimeKemPreKeys(identity, nextKem, count)) {
            work.storeKemPreKey(record);
            kem.add(record.publicPart());
        }
        work.setCounter(AccountKeys.NEXT_PREKEY_ID, next + count);
        work.setCounter(AccountKeys.NEXT_KEM_PREKEY_ID, nextKem + count);
        return new OneTimePreKeySets(oneTime, kem);
    }

    /**
     * The newest stored sets whose two halves both still exist, oldest first, at most
     * {@link Request#MAX_KEM_PREKEYS_PER_FRAME} (what one {@code register} or {@code prekeys_replace} frame carries).
     */
    static OneTimePreKeySets newestStored(ProtocolUnitOfWork work) throws InvalidKeyIdException, ProtocolStorageException {
        int next = work.counter(AccountKeys.NEXT_PREKEY_ID);
        int nextKem = work.counter(AccountKeys.NEXT_KEM_PREKEY_ID);
        List<OneTimePreKeyPublic> oneTime = new ArrayList<>();
        List<KemPreKeyPublic> kem = new ArrayList<>();
        for (int i = Request.MAX_KEM_PREKEYS_PER_FRAME; i >= 1; i--) {
            if (work.containsPreKey(next - i) && work.containsKemPreKey(nextKem - i)) {
                oneTime.add(work.loadPreKey(next - i).publicPart());
                kem.add(work.loadKemPreKey(nextKem - i).publicPart());
            }
        }
        return new OneTimePreKeySets(oneTime, kem);
    }
}
