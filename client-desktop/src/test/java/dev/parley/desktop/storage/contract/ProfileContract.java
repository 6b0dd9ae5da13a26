package dev.parley.desktop.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.storage.Transaction;
import dev.parley.desktop.storage.UserProfile;
import org.junit.jupiter.api.Test;

/** Issue #14: stored profiles keep only the highest version; what was shared with whom. */
public abstract class ProfileContract extends StorageContract {

    private static UserProfile profile(String username, long version, String name) {
        return new UserProfile(username, version, name, "about " + version, new byte[] {1, 2, (byte) version}, T0);
    }

    @Test
    void onlyAHigherVersionReplacesAStoredProfile() throws Exception {
        assertThat(writeAndGet((Transaction txn) -> storage.profiles().putIfNewer(txn, profile("bob", 2, "Bob")))).isTrue();
        assertThat(writeAndGet((Transaction txn) -> storage.profiles().putIfNewer(txn, profile("bob", 1, "Old Bob"))))
                .as("a replayed older profile").isFalse();
        assertThat(writeAndGet((Transaction txn) -> storage.profiles().putIfNewer(txn, profile("bob", 2, "Same Bob")))).isFalse();
        assertThat(read((Transaction txn) -> storage.profiles().find(txn, "bob"))).contains(profile("bob", 2, "Bob"));
        assertThat(writeAndGet((Transaction txn) -> storage.profiles().putIfNewer(txn, profile("bob", 3, "New Bob")))).isTrue();
        assertThat(read((Transaction txn) -> storage.profiles().find(txn, "bob"))).contains(profile("bob", 3, "New Bob"));
        assertThat(read((Transaction txn) -> storage.profiles().find(txn, "carol"))).isEmpty();
    }

    @Test
    void sharedVersionsAreRecordedAndForgottenWithTheProfile() throws Exception {
        assertThat(read((Transaction txn) -> storage.profiles().sharedVersion(txn, "bob"))).isZero();
        write((Transaction txn) -> storage.profiles().setSharedVersion(txn, "bob", 4));
        write((Transaction txn) -> storage.profiles().setSharedVersion(txn, "bob", 5));
        write((Transaction txn) -> storage.profiles().putIfNewer(txn, profile("bob", 1, "Bob")));
        assertThat(read((Transaction txn) -> storage.profiles().sharedVersion(txn, "bob"))).isEqualTo(5);
        assertThat(writeAndGet((Transaction txn) -> storage.profiles().remove(txn, "bob"))).isTrue();
        assertThat(writeAndGet((Transaction txn) -> storage.profiles().remove(txn, "bob"))).isFalse();
        assertThat(read((Transaction txn) -> storage.profiles().sharedVersion(txn, "bob"))).isZero();
        assertThat(read((Transaction txn) -> storage.profiles().find(txn, "bob"))).isEmpty();
    }
}
