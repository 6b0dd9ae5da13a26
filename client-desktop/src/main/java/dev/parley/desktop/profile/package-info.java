/**
 * Encrypted local profiles: {@link dev.parley.desktop.profile.AppDirectories} (where), {@link
 * dev.parley.desktop.profile.ProfileManager} (create, list, unlock, change passphrase) and {@link
 * dev.parley.desktop.profile.UnlockedProfile} (the open {@link dev.parley.desktop.storage.Storage}; lock it to close).
 * Failures are checked {@link dev.parley.desktop.profile.ProfileException} subclasses, one per cause, so the UI can
 * switch on the type: wrong passphrase, corrupt, untrusted, in use, not found, exists, I/O.
 *
 * <pre>{@code
 * ProfileManager profiles = new ProfileManager(AppDirectories.fromEnvironment(), CryptoProviders.preferred(),
 *         Argon2Params.DESKTOP_DEFAULT);
 * UnlockedProfile profile = profiles.create(new ProfileName("alice"),
 *         new AccountInfo("alice", "wss://relay.example:8443"), passphrase, eventBus::publish);
 * profile.lock();
 * profile = profiles.unlock(new ProfileName("alice"), passphrase, eventBus::publish);
 * profile = profiles.changePassphrase(profile, passphrase, newPassphrase, eventBus::publish);
 * }</pre>
 */
package dev.parley.desktop.profile;
