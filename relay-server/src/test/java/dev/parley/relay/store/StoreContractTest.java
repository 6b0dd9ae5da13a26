package dev.parley.relay.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.prekey.KemPreKeyPublic;
import dev.parley.crypto.prekey.OneTimePreKeyPublic;
import dev.parley.crypto.prekey.PreKeyBundle;
import dev.parley.crypto.prekey.SignedPreKeyPublic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link AccountStore} and {@link BlobStore} pair must have. */
abstract class StoreContractTest extends BlobBurstContractTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    protected AccountStore accounts;

    protected abstract void open() throws Exception;

    protected abstract void close() throws Exception;

    @BeforeEach
    void setUp() throws Exception {
        open();
    }

    @AfterEach
    void tearDown() throws Exception {
        close();
    }

    static byte[] bytes(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }

    static Account account(String name) {
        return new Account(name, bytes(32, name.hashCode()), new SignedPreKeyPublic(1, bytes(32, 2), bytes(64, 3)));
    }

    /** A last-resort KEM prekey (id 0) and {@code count} one-time KEM prekeys with ids from {@code from}. */
    static KemPreKeys kem(int from, int count) {
        List<KemPreKeyPublic> keys = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            keys.add(kemKey(i, i));
        }
        return new KemPreKeys(kemKey(0, 0), keys);
    }

    static KemPreKeyPublic kemKey(int id, int fill) {
        return new KemPreKeyPublic(id, bytes(1568, fill), bytes(64, fill + 1));
    }

    static List<OneTimePreKeyPublic> preKeys(int from, int count) {
        List<OneTimePreKeyPublic> keys = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            keys.add(new OneTimePreKeyPublic(i, bytes(32, i)));
        }
        return keys;
    }

    @Test
    void storeAllGivesEachBlobTheOutcomeOfItsOwnStoreInOrderAndKeepsThemQueued() throws Exception {
        Instant expires = T0.plus(Duration.ofDays(1));
        assertThat(blobs.store("carol", bytes(16, 9), bytes(10, 9), T0, expires, 1).status())
                .isEqualTo(StoreResult.Status.STORED);
        assertThat(blobs.store("bob", bytes(16, 1), bytes(10, 1), T0, expires, 1).status())
                .isEqualTo(StoreResult.Status.STORED);
        List<StoreResult> results = blobs.storeAllAsync(List.of(
                new BlobStore.NewBlob("alice", bytes(16, 2), bytes(20, 2)),
                new BlobStore.NewBlob("bob", bytes(16, 1), bytes(10, 1)),
                new BlobStore.NewBlob("carol", bytes(16, 3), bytes(20, 3)),
                new BlobStore.NewBlob("dave", bytes(16, 4), bytes(20, 4))), T0, expires, 1).get(10, TimeUnit.SECONDS);
        assertThat(results).extracting(StoreResult::status).containsExactly(StoreResult.Status.STORED,
                StoreResult.Status.DUPLICATE, StoreResult.Status.QUEUE_FULL, StoreResult.Status.STORED);
        assertThat(blobs.queued("alice", 0, 10)).singleElement()
                .satisfies(b -> assertThat(b.blob()).isEqualTo(bytes(20, 2)));
        assertThat(blobs.queued("dave", 0, 10)).singleElement().extracting(StoredBlob::id).isEqualTo(results.get(3).id());
        assertThat(blobs.queuedCount("carol")).isEqualTo(1);
        assertThat(blobs.totalQueued()).isEqualTo(4);
        assertThat(blobs.totalQueuedBytes()).isEqualTo(10 + 10 + 20 + 20);
        assertThat(blobs.isKnown("alice", bytes(16, 2))).isTrue();
    }

    @Test
    void registersOnceAndFindsByExactUsername() {
        assertThat(accounts.register(account("alice"), preKeys(1, 2), kem(1, 2), null, T0)).isEqualTo(Registration.CREATED);
        assertThat(accounts.register(account("alice"), preKeys(1, 2), kem(1, 2), null, T0)).isEqualTo(Registration.USERNAME_TAKEN);
        assertThat(accounts.find("alice")).hasValueSatisfying(a -> {
            assertThat(a.identityKey()).isEqualTo(account("alice").identityKey());
            assertThat(a.signedPreKey()).isEqualTo(account("alice").signedPreKey());
        });
        assertThat(accounts.find("alic")).isEmpty();
        assertThat(accounts.accountCount()).isEqualTo(1);
    }

    @Test
    void inviteCodesAreSingleUseAndRevocable() {
        accounts.addInvite("code-1", T0);
        accounts.addInvite("code-2", T0);
        assertThat(accounts.register(account("bob"), List.of(), kem(1, 0), "nope", T0)).isEqualTo(Registration.INVALID_INVITE);
        assertThat(accounts.find("bob")).isEmpty();
        assertThat(accounts.register(account("bob"), List.of(), kem(1, 0), "code-1", T0)).isEqualTo(Registration.CREATED);
        assertThat(accounts.register(account("carol"), List.of(), kem(1, 0), "code-1", T0)).isEqualTo(Registration.INVALID_INVITE);
        assertThat(accounts.revokeInvite("code-2")).isTrue();
        assertThat(accounts.revokeInvite("code-2")).isFalse();
        assertThat(accounts.register(account("carol"), List.of(), kem(1, 0), "code-2", T0)).isEqualTo(Registration.INVALID_INVITE);
        assertThat(accounts.invites()).extracting(Invite::code, Invite::usable)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("code-1", false),
                        org.assertj.core.groups.Tuple.tuple("code-2", false));
    }

    @Test
    void bundleFetchConsumesOneTimePreKeysInOrderThenComesWithout() {
        accounts.register(account("alice"), preKeys(1, 2), kem(1, 2), null, T0);
        assertThat(accounts.takeBundle("alice", true).flatMap(PreKeyBundle::oneTimePreKey)).map(OneTimePreKeyPublic::id).contains(1);
        assertThat(accounts.oneTimePreKeyCount("alice")).isEqualTo(1);
        assertThat(accounts.takeBundle("alice", true).flatMap(PreKeyBundle::oneTimePreKey)).map(OneTimePreKeyPublic::id).contains(2);
        assertThat(accounts.takeBundle("alice", true)).hasValueSatisfying(b -> assertThat(b.oneTimePreKey()).isEmpty());
        assertThat(accounts.takeBundle("nobody", true)).isEmpty();
    }

    @Test
    void bundlesCarryOneTimeKemPreKeysInOrderThenTheLastResortOne() {
        accounts.register(account("alice"), preKeys(1, 1), kem(10, 2), null, T0);
        assertThat(accounts.oneTimePreKeyCount("alice")).isEqualTo(1);
        assertThat(accounts.takeBundle("alice", true).map(b -> b.kemPreKey().id())).contains(10);
        assertThat(accounts.takeBundle("alice", false)).hasValueSatisfying(b -> {
            assertThat(b.kemPreKey().id()).isZero();
            assertThat(b.oneTimePreKey()).isEmpty();
        });
        assertThat(accounts.takeBundle("alice", true).map(b -> b.kemPreKey().id())).contains(11);
        assertThat(accounts.takeBundle("alice", true).map(b -> b.kemPreKey().id())).contains(0);
        accounts.addKemPreKeys("alice", new KemPreKeys(kemKey(5, 50), List.of()));
        assertThat(accounts.takeBundle("alice", true).map(b -> b.kemPreKey())).contains(kemKey(5, 50));
    }

    @Test
    void uploadAddsNewPreKeysIgnoresKnownIdsAndReplacesSignedPreKey() {
        accounts.register(account("alice"), preKeys(1, 2), kem(1, 2), null, T0);
        SignedPreKeyPublic next = new SignedPreKeyPublic(2, bytes(32, 8), bytes(64, 9));
        accounts.addPreKeys("alice", next, preKeys(2, 3));
        accounts.addKemPreKeys("alice", new KemPreKeys(kemKey(0, 40), kem(2, 3).oneTime()));
        assertThat(accounts.oneTimePreKeyCount("alice")).isEqualTo(4);
        assertThat(accounts.find("alice")).hasValueSatisfying(a -> assertThat(a.signedPreKey()).isEqualTo(next));
    }

    @Test
    void replacingPreKeysDropsEveryOldOneTimeKeyAndReplacesTheSignedAndLastResortOnes() {
        accounts.register(account("alice"), preKeys(1, 4), kem(1, 4), null, T0);
        accounts.register(account("bob"), preKeys(1, 2), kem(1, 2), null, T0);
        SignedPreKeyPublic fresh = new SignedPreKeyPublic(7, bytes(32, 70), bytes(64, 71));
        accounts.replacePreKeys("alice", fresh, preKeys(50, 2), new KemPreKeys(kemKey(60, 61), List.of(kemKey(61, 62),
                kemKey(62, 63))));
        assertThat(accounts.oneTimePreKeyCount("alice")).isEqualTo(2);
        assertThat(accounts.find("alice")).hasValueSatisfying(a -> assertThat(a.signedPreKey()).isEqualTo(fresh));
        assertThat(accounts.takeBundle("alice", true)).hasValueSatisfying(b -> {
            assertThat(b.signedPreKey()).isEqualTo(fresh);
            assertThat(b.oneTimePreKey()).map(OneTimePreKeyPublic::id).contains(50);
            assertThat(b.kemPreKey()).isEqualTo(kemKey(61, 62));
        });
        assertThat(accounts.takeBundle("alice", true).flatMap(PreKeyBundle::oneTimePreKey)).map(OneTimePreKeyPublic::id)
                .contains(51);
        assertThat(accounts.takeBundle("alice", true)).hasValueSatisfying(b -> {
            assertThat(b.oneTimePreKey()).isEmpty();
            assertThat(b.kemPreKey()).isEqualTo(kemKey(60, 61));
        });
        assertThat(accounts.oneTimePreKeyCount("bob")).isEqualTo(2);
        accounts.replacePreKeys("nobody", fresh, preKeys(1, 1), kem(1, 1));
        assertThat(accounts.find("nobody")).isEmpty();
    }

    @Test
    void concurrentFetchesNeverHandOutTheSameOneTimePreKey() throws Exception {
        accounts.register(account("alice"), preKeys(1, 100), kem(1, 100), null, T0);
        Set<Integer> handedOut = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 120; i++) {
            pool.submit(() -> accounts.takeBundle("alice", true).flatMap(PreKeyBundle::oneTimePreKey)
                    .ifPresent(k -> assertThat(handedOut.add(k.id())).isTrue()));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(handedOut).hasSize(100);
        assertThat(accounts.oneTimePreKeyCount("alice")).isZero();
    }

    @Test
    void blobsQueueInOrderPerRecipientAndDeleteOnlyForTheirRecipient() {
        Instant expiry = T0.plus(Duration.ofDays(30));
        long a1 = blobs.store("bob", bytes(16, 1), bytes(10, 1), T0, expiry, 100).id();
        long c1 = blobs.store("carol", bytes(16, 2), bytes(20, 2), T0, expiry, 100).id();
        long a2 = blobs.store("bob", bytes(16, 3), bytes(30, 3), T0, expiry, 100).id();
        assertThat(blobs.queued("bob", 0, 10)).extracting(StoredBlob::id).containsExactly(a1, a2);
        assertThat(blobs.queued("bob", a1, 10)).extracting(StoredBlob::id).containsExactly(a2);
        assertThat(blobs.queued("bob", 0, 1)).extracting(StoredBlob::id).containsExactly(a1);
        assertThat(blobs.queued("bob", 0, 10).get(1).blob()).isEqualTo(bytes(30, 3));
        assertThat(blobs.totalQueued()).isEqualTo(3);
        assertThat(blobs.totalQueuedBytes()).isEqualTo(60);
        assertThat(blobs.delete("bob", c1)).isFalse();
        assertThat(blobs.delete("bob", a1)).isTrue();
        assertThat(blobs.delete("bob", a1)).isFalse();
        assertThat(blobs.queued("bob", 0, 10)).extracting(StoredBlob::id).containsExactly(a2);
        assertThat(blobs.queuedCount("bob")).isEqualTo(1);
        assertThat(blobs.totalQueuedBytes()).isEqualTo(50);
    }

    @Test
    void aClientMessageIdIsStoredOnceEvenAfterAcknowledgement() {
        Instant expiry = T0.plus(Duration.ofDays(30));
        StoreResult first = blobs.store("bob", bytes(16, 1), bytes(10, 1), T0, expiry, 100);
        assertThat(first.status()).isEqualTo(StoreResult.Status.STORED);
        assertThat(blobs.store("bob", bytes(16, 1), bytes(10, 1), T0, expiry, 100).status())
                .isEqualTo(StoreResult.Status.DUPLICATE);
        blobs.delete("bob", first.id());
        assertThat(blobs.store("bob", bytes(16, 1), bytes(10, 1), T0, expiry, 100).status())
                .isEqualTo(StoreResult.Status.DUPLICATE);
        assertThat(blobs.store("carol", bytes(16, 1), bytes(10, 1), T0, expiry, 100).status())
                .isEqualTo(StoreResult.Status.STORED);
        assertThat(blobs.queued("bob", 0, 10)).isEmpty();
    }

    @Test
    void aFullQueueRejectsUntilSomethingIsAcknowledged() {
        Instant expiry = T0.plus(Duration.ofDays(30));
        long first = blobs.store("bob", bytes(16, 1), bytes(10, 1), T0, expiry, 2).id();
        blobs.store("bob", bytes(16, 2), bytes(10, 1), T0, expiry, 2);
        assertThat(blobs.store("bob", bytes(16, 3), bytes(10, 1), T0, expiry, 2).status())
                .isEqualTo(StoreResult.Status.QUEUE_FULL);
        blobs.delete("bob", first);
        assertThat(blobs.store("bob", bytes(16, 3), bytes(10, 1), T0, expiry, 2).status())
                .isEqualTo(StoreResult.Status.STORED);
    }

    @Test
    void expiredBlobsAreDeletedAndFreeTheirQuota() {
        blobs.store("bob", bytes(16, 1), bytes(10, 1), T0, T0.plusSeconds(10), 2);
        blobs.store("bob", bytes(16, 2), bytes(10, 1), T0, T0.plusSeconds(100), 2);
        assertThat(blobs.deleteExpired(T0.plusSeconds(9))).isZero();
        assertThat(blobs.deleteExpired(T0.plusSeconds(10))).isEqualTo(1);
        assertThat(blobs.queued("bob", 0, 10)).hasSize(1);
        assertThat(blobs.queuedCount("bob")).isEqualTo(1);
        assertThat(blobs.totalQueued()).isEqualTo(1);
        assertThat(blobs.store("bob", bytes(16, 3), bytes(10, 1), T0, T0.plusSeconds(100), 2).status())
                .isEqualTo(StoreResult.Status.STORED);
    }

    @Test
    void aClientMessageIdIsKnownOnceStoredStillKnownAfterAcknowledgementAndForgottenAtExpiry() {
        byte[] id = bytes(16, 42);
        assertThat(blobs.isKnown("bob", id)).isFalse();
        StoreResult stored = blobs.store("bob", id, bytes(10, 1), T0, T0.plus(Duration.ofDays(1)), 100);
        assertThat(blobs.isKnown("bob", id)).isTrue();
        assertThat(blobs.isKnown("carol", id)).as("ids are per recipient").isFalse();
        assertThat(blobs.isKnown("bob", bytes(16, 43))).isFalse();
        assertThat(blobs.delete("bob", stored.id())).isTrue();
        assertThat(blobs.isKnown("bob", id)).isTrue();
        blobs.deleteExpired(T0.plus(Duration.ofDays(2)));
        assertThat(blobs.isKnown("bob", id)).isFalse();
    }

    @Test
    void theIdempotencyKeyIsRecipientAndClientMessageIdAndADuplicateStoresNothing() {
        Instant expiry = T0.plus(Duration.ofDays(30));
        long first = blobs.store("bob", bytes(16, 7), bytes(10, 1), T0, expiry, 2).id();
        blobs.store("bob", bytes(16, 8), bytes(20, 1), T0, expiry, 2);
        assertThat(blobs.store("bob", bytes(16, 7), bytes(30, 9), T0, expiry, 2).status())
                .as("a resend to a full queue is still a duplicate, not QUEUE_FULL").isEqualTo(StoreResult.Status.DUPLICATE);
        assertThat(blobs.queuedCount("bob")).isEqualTo(2);
        assertThat(blobs.totalQueued()).isEqualTo(2);
        assertThat(blobs.totalQueuedBytes()).isEqualTo(30);
        assertThat(blobs.queued("bob", 0, 10).get(0).blob()).as("the first copy is kept").isEqualTo(bytes(10, 1));
        assertThat(blobs.store("bob", bytes(16, 9), bytes(10, 1), T0, expiry, 2).status())
                .isEqualTo(StoreResult.Status.QUEUE_FULL);
        assertThat(blobs.store("carol", bytes(16, 7), bytes(10, 1), T0, expiry, 2).status())
                .as("the same client message id for another recipient").isEqualTo(StoreResult.Status.STORED);
        blobs.delete("bob", first);
        assertThat(blobs.store("bob", bytes(16, 7), bytes(10, 1), T0, expiry, 2).status())
                .as("remembered after acknowledgement, even with room in the queue").isEqualTo(StoreResult.Status.DUPLICATE);
        assertThat(blobs.queuedCount("bob")).isEqualTo(1);
    }

    // ---- linked devices (issue #17) ----

    @Test
    void aNewAccountGetsDevice1WithItsIdentityKeyAndLaterDevicesNeverReuseAnId() {
        Account alice = account("alice");
        accounts.register(alice, preKeys(1, 1), kem(1, 1), null, T0);
        DeviceStore devices = accounts.devices();
        devices.ensureFirst("alice", alice.identityKey(), T0);
        devices.ensureFirst("alice", bytes(32, 77), T0.plusSeconds(5));
        assertThat(devices.current("alice")).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(1);
            assertThat(d.credentialKey()).as("a second ensureFirst changes nothing").isEqualTo(alice.identityKey());
            assertThat(d.createdAt()).isEqualTo(T0);
            assertThat(d.unlinked()).isFalse();
        });
        assertThat(devices.add("alice", bytes(32, 20), bytes(5, 21), T0.plusSeconds(10), 6)).hasValue(2);
        assertThat(devices.add("alice", bytes(32, 30), bytes(0, 0), T0.plusSeconds(20), 6)).hasValue(3);
        assertThat(devices.unlink("alice", 2, T0.plusSeconds(30))).isEqualTo(DeviceStore.UnlinkOutcome.UNLINKED);
        assertThat(devices.add("alice", bytes(32, 40), bytes(0, 0), T0.plusSeconds(40), 6)).as("2 is never reused").hasValue(4);
        assertThat(devices.current("alice")).extracting(Device::id).containsExactly(1, 3, 4);
        assertThat(devices.find("alice", 2)).hasValueSatisfying(d -> {
            assertThat(d.unlinked()).isTrue();
            assertThat(d.credentialKey()).as("kept to recognise the unlinked device").isEqualTo(bytes(32, 20));
            assertThat(d.name()).as("its name is gone").isEmpty();
        });
        assertThat(devices.find("alice", 3)).hasValueSatisfying(d -> assertThat(d.name()).isEmpty());
        assertThat(devices.find("alice", 9)).isEmpty();
        assertThat(devices.current("nobody")).isEmpty();
        assertThat(devices.add("nobody", bytes(32, 1), bytes(0, 0), T0, 6)).as("no account, no device").isEmpty();
    }

    @Test
    void aNewRegistrationUnderAUsernameForgetsTheDevicesOfADeletedAccount() {
        accounts.register(account("erin"), List.of(), kem(1, 0), null, T0);
        DeviceStore devices = accounts.devices();
        devices.reset("erin", bytes(32, 1), T0);
        assertThat(devices.add("erin", bytes(32, 2), bytes(0, 0), T0, 6)).hasValue(2);
        assertThat(devices.unlink("erin", 1, T0)).isEqualTo(DeviceStore.UnlinkOutcome.UNLINKED);
        devices.reset("erin", bytes(32, 9), T0.plusSeconds(1));
        assertThat(devices.current("erin")).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(1);
            assertThat(d.credentialKey()).isEqualTo(bytes(32, 9));
        });
        assertThat(devices.find("erin", 2)).isEmpty();
    }

    @Test
    void anAccountHoldsAtMostMaxDevicesAndAlwaysKeepsOne() {
        Account bob = account("bob");
        accounts.register(bob, List.of(), kem(1, 0), null, T0);
        DeviceStore devices = accounts.devices();
        devices.ensureFirst("bob", bob.identityKey(), T0);
        for (int id = 2; id <= 6; id++) {
            assertThat(devices.add("bob", bytes(32, id), bytes(3, id), T0, 6)).hasValue(id);
        }
        assertThat(devices.add("bob", bytes(32, 7), bytes(3, 7), T0, 6)).as("the seventh").isEmpty();
        assertThat(devices.current("bob")).hasSize(6);
        for (int id = 1; id <= 5; id++) {
            assertThat(devices.unlink("bob", id, T0)).isEqualTo(DeviceStore.UnlinkOutcome.UNLINKED);
        }
        assertThat(devices.unlink("bob", 6, T0)).isEqualTo(DeviceStore.UnlinkOutcome.LAST);
        assertThat(devices.unlink("bob", 3, T0)).as("already unlinked").isEqualTo(DeviceStore.UnlinkOutcome.UNKNOWN);
        assertThat(devices.unlink("bob", 42, T0)).isEqualTo(DeviceStore.UnlinkOutcome.UNKNOWN);
        assertThat(devices.current("bob")).extracting(Device::id).containsExactly(6);
        assertThat(devices.add("bob", bytes(32, 8), bytes(0, 0), T0, 6)).hasValue(7);
    }

    @Test
    void aCredentialIsReplacedAndALoginRecordedOnlyForACurrentDevice() {
        Account carol = account("carol");
        accounts.register(carol, List.of(), kem(1, 0), null, T0);
        DeviceStore devices = accounts.devices();
        devices.ensureFirst("carol", carol.identityKey(), T0);
        devices.add("carol", bytes(32, 2), bytes(0, 0), T0, 6);
        assertThat(devices.replaceCredential("carol", 1, bytes(32, 11))).isTrue();
        devices.seen("carol", 1, T0.plusSeconds(60));
        assertThat(devices.find("carol", 1)).hasValueSatisfying(d -> {
            assertThat(d.credentialKey()).isEqualTo(bytes(32, 11));
            assertThat(d.lastSeenAt()).isEqualTo(T0.plusSeconds(60));
        });
        devices.unlink("carol", 2, T0);
        assertThat(devices.replaceCredential("carol", 2, bytes(32, 12))).isFalse();
        devices.seen("carol", 2, T0.plusSeconds(90));
        assertThat(devices.find("carol", 2)).hasValueSatisfying(d -> {
            assertThat(d.credentialKey()).isEqualTo(bytes(32, 2));
            assertThat(d.lastSeenAt()).isEqualTo(T0);
        });
    }

    @Test
    void aCurrentDeviceIsRenamedAndAnUnlinkedOneIsNot() {
        Account erin = account("erin");
        accounts.register(erin, List.of(), kem(1, 0), null, T0);
        DeviceStore devices = accounts.devices();
        devices.ensureFirst("erin", erin.identityKey(), T0);
        devices.add("erin", bytes(32, 2), bytes(10, 3), T0, 6);
        assertThat(devices.rename("erin", 2, bytes(40, 4))).isTrue();
        assertThat(devices.find("erin", 2)).hasValueSatisfying(d -> assertThat(d.name()).isEqualTo(bytes(40, 4)));
        assertThat(devices.current("erin")).extracting(Device::id).containsExactly(1, 2);
        assertThat(devices.rename("erin", 7, bytes(40, 5))).isFalse();
        devices.unlink("erin", 2, T0);
        assertThat(devices.rename("erin", 2, bytes(40, 6))).isFalse();
        assertThat(devices.rename("nobody", 1, bytes(40, 6))).isFalse();
    }

    @Test
    void aLinkedDevicesKeySetIsNotCountedAsAnAccountAndIsDeletedWhole() {
        Account dave = account("dave");
        accounts.register(dave, preKeys(1, 2), kem(1, 2), null, T0);
        accounts.devices().ensureFirst("dave", dave.identityKey(), T0);
        accounts.devices().add("dave", bytes(32, 5), bytes(0, 0), T0, 6);
        accounts.register(new Account("dave:2", dave.identityKey(), dave.signedPreKey()), preKeys(10, 3), kem(10, 3),
                null, T0);
        assertThat(accounts.accountCount()).isEqualTo(1);
        assertThat(accounts.oneTimePreKeyCount("dave:2")).isEqualTo(3);
        assertThat(accounts.takeBundle("dave:2", true)).isPresent();
        accounts.devices().unlink("dave", 2, T0);
        accounts.delete("dave:2");
        assertThat(accounts.find("dave:2")).isEmpty();
        assertThat(accounts.takeBundle("dave:2", false)).isEmpty();
        assertThat(accounts.oneTimeEcPreKeyCount("dave:2")).isZero();
        assertThat(accounts.oneTimeKemPreKeyCount("dave:2")).isZero();
        assertThat(accounts.oneTimePreKeyCount("dave")).as("the account's own keys stay").isEqualTo(2);
        assertThat(accounts.accountCount()).isEqualTo(1);
    }
}
