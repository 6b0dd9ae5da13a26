/**
 * The client's local storage, as ports: {@link dev.parley.desktop.storage.Storage} bundles a
 * {@link dev.parley.desktop.storage.TransactionManager} and the stores ({@link dev.parley.desktop.storage.MessageStore},
 * {@link dev.parley.desktop.storage.ContactStore}, {@link dev.parley.desktop.storage.OutboxStore},
 * {@link dev.parley.desktop.storage.SettingsStore}, {@link dev.parley.desktop.storage.SecretStore},
 * {@link dev.parley.desktop.storage.AccountStore}). Two implementations pass the same contract tests: the encrypted H2
 * database in {@code storage.h2} (obtained by unlocking a profile) and {@code storage.memory} for service tests.
 *
 * <pre>{@code
 * Storage storage = unlockedProfile.storage();
 * boolean isNew = storage.transactions().transactionWithResult(false, txn -> {
 *     boolean inserted = storage.messages().insertIfAbsent(txn, NewMessage.incoming(id, chat, "bob", sentAt, now, text));
 *     if (inserted) {
 *         txn.attach(new MessageReceived(id));          // published after the commit only
 *     }
 *     return inserted;
 * });
 * MessagePage newest = storage.transactions().transactionWithResult(true,
 *         (Transaction txn) -> storage.messages().page(txn, chat, Optional.empty(), 50));
 * }</pre>
 *
 * <p>With AssertJ, give the lambda an explicit parameter type ({@code (Transaction txn) -> ...}) when passing a
 * {@code transactionWithResult} call straight to {@code assertThat}, or Java cannot pick the overload.
 */
package dev.parley.desktop.storage;
