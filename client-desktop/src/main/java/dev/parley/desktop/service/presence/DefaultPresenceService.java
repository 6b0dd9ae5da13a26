package dev.parley.desktop.service.presence;

import dev.parley.desktop.net.ConnectionState;
import dev.parley.desktop.net.ConnectionStatus;
import dev.parley.desktop.net.ObservableValue;
import dev.parley.desktop.service.ContactPresence;
import dev.parley.desktop.service.PresenceService;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.connection.Outbox;
import dev.parley.desktop.service.messaging.PresenceAnnouncer;
import dev.parley.desktop.service.messaging.PresenceTracker;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.IdentityChangeState;
import dev.parley.desktop.storage.PresenceVisibility;
import dev.parley.desktop.storage.Setting;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Presence for one unlocked profile (issue #14): announces this profile through the {@link PresenceAnnouncer} when
 * the connection comes online, every {@link PresenceTracker#HEARTBEAT} while online and on {@link #close()}, answers
 * contacts who ask (rate limited by the tracker), and reads contacts' state from the {@link PresenceTracker} and the
 * stored last-seen times. All sending happens on its own thread, never the caller's.
 */
public final class DefaultPresenceService implements PresenceService {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultPresenceService.class);
    private static final long TICK_MILLIS = 250;

    private final dev.parley.desktop.service.AccountSettingsService settings;
    private final Storage storage;
    private final PresencePacing pacing;
    private final java.util.function.Consumer<List<List<Outbox.Item>>> goodbye;
    private final PresenceTracker tracker;
    private final PresenceAnnouncer announcer;
    private final ObservableValue<ConnectionState> connection;
    private final Clock clock;
    private final ScheduledExecutorService worker = worker();
    private ObservableValue.Registration listening;
    private volatile boolean started;
    private volatile boolean announcedOnline;
    private volatile Instant lastAnnounced = Instant.MIN;
    /** Counts announcements; the waves of an older one stop when a newer one starts (a reconnect, a heartbeat). */
    private final java.util.concurrent.atomic.AtomicLong announcement = new java.util.concurrent.atomic.AtomicLong();

    /**
     * @param pacing  how announcements to many contacts are spread over time (the relay's per-connection send limit)
     * @param goodbye takes "offline" for every contact when the service closes (encrypted, in the waves of
     *                {@code pacing}) for the connection to send on its last link as it closes
     */
    public DefaultPresenceService(Storage storage, PresenceTracker tracker, PresenceAnnouncer announcer,
                                  ObservableValue<ConnectionState> connection, Clock clock, PresencePacing pacing,
                                  java.util.function.Consumer<List<List<Outbox.Item>>> goodbye,
                                  dev.parley.desktop.service.AccountSettingsService settings) {
        this.settings = java.util.Objects.requireNonNull(settings);
        this.pacing = java.util.Objects.requireNonNull(pacing);
        this.goodbye = java.util.Objects.requireNonNull(goodbye);
        this.storage = storage;
        this.tracker = tracker;
        this.announcer = announcer;
        this.connection = connection;
        this.clock = clock;
    }

    /** The sending thread; waves still waiting when the service closes are dropped, not waited for. */
    private static ScheduledExecutorService worker() {
        java.util.concurrent.ScheduledThreadPoolExecutor executor = new java.util.concurrent.ScheduledThreadPoolExecutor(1,
                r -> {
                    Thread t = new Thread(r, "parley-presence");
                    t.setDaemon(true);
                    return t;
                });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return executor;
    }

    @Override
    public synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        tracker.onReplyWanted(username -> worker.execute(() -> {
            if (isOnline() && sharing()) {
                announcer.to(username, true, false);
            }
        }));
        listening = connection.addListener(state -> {
            if (state.status() == ConnectionStatus.ONLINE) {
                worker.execute(() -> announce(true));
            } else {
                announcedOnline = false;
            }
        });
        if (isOnline()) {
            worker.execute(() -> announce(true));
        }
        worker.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public List<ContactPresence> contacts() throws ServiceException {
        try {
            return storage.transactions().transactionWithResult(true, txn -> {
                boolean hidden = storage.settings().get(txn, Setting.PRESENCE) == PresenceVisibility.NOBODY;
                Set<String> blocked = Set.copyOf(storage.blocked().list(txn));
                Map<String, Instant> seen = storage.presence().all(txn);
                List<ContactPresence> out = new ArrayList<>();
                for (Contact c : storage.contacts().list(txn)) {
                    if (c.identityChange() == IdentityChangeState.NONE && !blocked.contains(c.username())) {
                        out.add(presenceOf(c.username(), hidden, Optional.ofNullable(seen.get(c.username()))));
                    }
                }
                out.sort(java.util.Comparator.comparing(ContactPresence::username));
                return out;
            });
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read presence", e);
        }
    }

    /** One contact's presence, read alone (a look-up per row of the conversation list must not read every contact). */
    @Override
    public Optional<ContactPresence> of(String username) throws ServiceException {
        try {
            return storage.transactions().transactionWithResult(true, txn -> {
                Optional<Contact> contact = storage.contacts().find(txn, username);
                if (contact.isEmpty() || contact.get().identityChange() != IdentityChangeState.NONE
                        || storage.blocked().isBlocked(txn, username)) {
                    return Optional.<ContactPresence>empty();
                }
                boolean hidden = storage.settings().get(txn, Setting.PRESENCE) == PresenceVisibility.NOBODY;
                return Optional.of(presenceOf(username, hidden, storage.presence().lastSeen(txn, username)));
            });
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read presence", e);
        } catch (IllegalArgumentException e) {
            return Optional.empty();     // not a valid username: no such contact
        }
    }

    @Override
    public PresenceVisibility visibility() throws ServiceException {
        try {
            return storage.transactions().transactionWithResult(true, txn -> storage.settings().get(txn, Setting.PRESENCE));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read settings", e);
        }
    }

    @Override
    public void setVisibility(PresenceVisibility visibility) throws ServiceException {
        settings.set(Setting.PRESENCE, visibility);      // issue #17: it follows the account to its other devices
        visibilityChanged(visibility);
    }

    /** Issue #17: another device of the account changed who sees its presence; this device follows. */
    public void visibilityChangedElsewhere() {
        try {
            visibilityChanged(visibility());
        } catch (ServiceException e) {
            LOG.warn("cannot read the presence setting: {}", e.getClass().getSimpleName());
        }
    }

    private void visibilityChanged(PresenceVisibility visibility) {
        if (visibility == PresenceVisibility.NOBODY) {
            announcedOnline = false;
            tracker.clear();
        } else if (started) {
            worker.execute(() -> announce(true));
        }
    }

    @Override
    public void close() {
        ObservableValue.Registration l;
        synchronized (this) {
            l = listening;
            listening = null;
        }
        if (l != null) {
            l.close();
        }
        announcement.incrementAndGet();
        // never interrupt the worker: an interrupted thread inside H2 closes the database file
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (started && announcedOnline && isOnline() && sharing()) {
            try {
                // Going offline tells every contact, not only a first wave's worth (issue #14): "offline" for each is
                // encrypted now, while the storage is open, in the waves of an announcement; the connection sends
                // them a wave per interval on its last link as it closes (the keys and storage are closed by then:
                // only ciphertext waits).
                List<List<Outbox.Item>> waves = new ArrayList<>();
                for (List<Contact> wave : pacing.waves(announcer.recipients())) {
                    List<Outbox.Item> items = announcer.seal(wave, false, false);
                    if (!items.isEmpty()) {
                        waves.add(items);
                    }
                }
                goodbye.accept(waves);
            } catch (ServiceException | RuntimeException e) {
                LOG.debug("offline presence not sent: {}", e.getClass().getSimpleName());
            }
        }
    }

    private ContactPresence presenceOf(String username, boolean hidden, Optional<Instant> stored) {
        if (hidden) {
            return new ContactPresence(username, ContactPresence.Status.HIDDEN, Optional.empty());
        }
        if (tracker.isOnline(username)) {
            return new ContactPresence(username, ContactPresence.Status.ONLINE, tracker.lastHeard(username));
        }
        Optional<Instant> heard = tracker.lastHeard(username);
        Optional<Instant> last = heard.isPresent() && stored.isPresent()
                ? Optional.of(heard.get().isAfter(stored.get()) ? heard.get() : stored.get())
                : heard.isPresent() ? heard : stored;
        return new ContactPresence(username, ContactPresence.Status.OFFLINE, last);
    }

    private void tick() {
        try {
            tracker.tick();
            if (announcedOnline && isOnline()
                    && !clock.instant().isBefore(lastAnnounced.plus(PresenceTracker.HEARTBEAT))) {
                announce(false);
            }
        } catch (RuntimeException e) {
            LOG.warn("presence tick failed: {}", e.getClass().getSimpleName());
        }
    }

    /**
     * Sends "online" to every accepted contact; {@code comingOnline} asks them to answer with their own state. To
     * many contacts it goes in waves ({@link PresencePacing}): the first at once, the others a second apart, so the
     * announcement stays inside the relay's per-connection send limit and leaves room for the user's own messages
     * (a relay answers sends over its limit with RATE_LIMITED, and closes a connection after 20 rejected frames).
     */
    private void announce(boolean comingOnline) {
        try {
            if (!isOnline() || !sharing()) {
                return;
            }
            lastAnnounced = clock.instant();
            long mine = announcement.incrementAndGet();
            List<List<Contact>> waves = pacing.waves(announcer.recipients());
            announcedOnline = true;
            for (int i = 0; i < waves.size(); i++) {
                List<Contact> wave = waves.get(i);
                if (i == 0) {
                    sendWave(mine, wave, comingOnline);
                } else {
                    worker.schedule(() -> sendWave(mine, wave, comingOnline), i * pacing.interval().toMillis(),
                            TimeUnit.MILLISECONDS);
                }
            }
        } catch (ServiceException | RuntimeException e) {
            LOG.debug("presence not announced: {}", e.getClass().getSimpleName());
        }
    }

    /** One wave of an announcement, unless a newer one started or the profile went offline meanwhile. */
    private void sendWave(long of, List<Contact> wave, boolean comingOnline) {
        try {
            if (announcement.get() == of && isOnline() && sharing()) {
                announcer.toSome(wave, true, comingOnline);
            }
        } catch (ServiceException | RuntimeException e) {
            LOG.debug("presence not announced: {}", e.getClass().getSimpleName());
        }
    }

    private boolean isOnline() {
        return connection.get().status() == ConnectionStatus.ONLINE;
    }

    private boolean sharing() {
        try {
            return visibility() == PresenceVisibility.CONTACTS;
        } catch (ServiceException e) {
            return false;
        }
    }
}
