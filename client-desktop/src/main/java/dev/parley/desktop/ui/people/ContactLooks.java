package dev.parley.desktop.ui.people;

import dev.parley.desktop.event.ContactChangedEvent;
import dev.parley.desktop.event.EventBus;
import dev.parley.desktop.event.PresenceChangedEvent;
import dev.parley.desktop.event.ProfileChangedEvent;
import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.ContactLook;
import dev.parley.desktop.ui.common.ContactLookSource;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import javafx.scene.image.Image;

/**
 * Loads how contacts look (name, avatar, presence dot; issue #14) in the background and keeps it current: a profile,
 * presence or contact change reloads that contact. Avatars are decoded on the worker thread, never on the FX thread,
 * and kept in a bounded cache ({@value #AVATAR_CACHE} images, least recently used out) keyed by profile version.
 */
public final class ContactLooks implements ContactLookSource {
    /** At most this many decoded avatars are held (a 40-pixel avatar decodes to about 6 KB). */
    static final int AVATAR_CACHE = 512;
    /** Avatars are decoded at this size (pixels a side): the largest place they show. */
    static final int AVATAR_PIXELS = 96;
    /** Looks loaded per background task. */
    static final int BATCH = 40;

    private final PeopleGateway people;
    private final BackgroundTasks tasks;
    private final ObservableMap<String, ContactLook> looks = FXCollections.observableHashMap();
    private final Map<String, CachedAvatar> avatars = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CachedAvatar> eldest) {
            return size() > AVATAR_CACHE;
        }
    };
    private final List<EventBus.Subscription> subscriptions = new ArrayList<>();
    /** Usernames whose look was asked for (FX thread): those are loaded, and reloaded when they change. */
    private final java.util.Set<String> requested = new java.util.HashSet<>();
    /** Looks waiting to be loaded, in the order asked for (FX thread). */
    private final java.util.LinkedHashSet<String> pending = new java.util.LinkedHashSet<>();
    private boolean loading;
    private final javafx.beans.property.ReadOnlyObjectWrapper<ContactLook> own =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "own");
    /** This user's username once {@link #followOwn} has read it (FX thread). */
    private String ownUsername;

    private record CachedAvatar(long version, Optional<Image> image) {
    }

    public ContactLooks(PeopleGateway people, BackgroundTasks tasks) {
        this.people = Objects.requireNonNull(people);
        this.tasks = Objects.requireNonNull(tasks);
    }

    /** Reloads a contact's look whenever their profile, presence or contact entry changes. */
    public void start(EventBus bus) {
        subscriptions.add(bus.subscribe(ProfileChangedEvent.class, e -> {
            reloadLater(e.username());
            tasks.uiThread().execute(() -> {
                if (e.username().equals(ownUsername)) {
                    reloadOwn(ownUsername);
                }
            });
        }));
        subscriptions.add(bus.subscribe(PresenceChangedEvent.class, e -> reloadLater(e.contact())));
        subscriptions.add(bus.subscribe(ContactChangedEvent.class, e -> reloadLater(e.contact().username())));
    }

    public void stop() {
        subscriptions.forEach(EventBus.Subscription::close);
        subscriptions.clear();
    }

    @Override
    public ObservableMap<String, ContactLook> looks() {
        return looks;
    }

    @Override
    public void request(String username) {
        if (requested.add(username)) {
            queue(username);
        }
    }

    @Override
    public javafx.beans.property.ReadOnlyObjectProperty<ContactLook> own() {
        return own.getReadOnlyProperty();
    }

    /**
     * Loads how this user looks to their contacts (the own profile's display name and picture, issue #14) and keeps
     * it current: saving the profile in Settings reloads it, so the main window's header follows without a restart.
     * On the FX thread; {@code username} is read in the background.
     */
    public void followOwn(java.util.concurrent.Callable<String> username) {
        tasks.run(() -> loadOwn(username.call()), this::ownLoaded, e -> { });
    }

    private void reloadOwn(String username) {
        tasks.run(() -> loadOwn(username), this::ownLoaded, e -> { });
    }

    private void ownLoaded(ContactLook look) {
        ownUsername = look.username();
        if (!look.equals(own.get())) {
            own.set(look);
        }
    }

    /** On the worker thread. */
    private ContactLook loadOwn(String username) throws Exception {
        PeopleGateway.OwnProfile profile = people.ownProfile();
        boolean named = !profile.displayName().isBlank();
        Optional<Image> avatar = Optional.empty();
        if (profile.avatarPng().length > 0) {
            Image image = new Image(new ByteArrayInputStream(profile.avatarPng()), AVATAR_PIXELS, AVATAR_PIXELS, true,
                    true);
            avatar = image.isError() ? Optional.empty() : Optional.of(image);
        }
        return new ContactLook(username, named ? profile.displayName() : username, named, avatar,
                ContactLook.Presence.NONE);
    }

    private void reloadLater(String username) {
        tasks.uiThread().execute(() -> {
            if (requested.contains(username)) {
                queue(username);
            }
        });
    }

    /** On the FX thread: {@code username}'s look is (re)loaded with the next batch. */
    private void queue(String username) {
        pending.add(username);
        loadNextBatch();
    }

    /**
     * On the FX thread: loads the next {@value #BATCH} queued looks (in the order requested: the rows on screen first)
     * in one background task, one task at a time, and puts the changed ones in the map together. With a thousand
     * conversations that is 25 tasks on one worker, not a thousand on every worker while the list paints its first
     * frame, and 25 hand-overs to the FX thread instead of a thousand.
     */
    private void loadNextBatch() {
        if (loading || pending.isEmpty()) {
            return;
        }
        List<String> batch = new ArrayList<>(BATCH);
        for (java.util.Iterator<String> i = pending.iterator(); i.hasNext() && batch.size() < BATCH; ) {
            batch.add(i.next());
            i.remove();
        }
        loading = true;
        tasks.run(() -> loadAll(batch), loaded -> {
            loading = false;
            for (ContactLook look : loaded) {
                if (requested.contains(look.username()) && !look.equals(looks.get(look.username()))) {
                    looks.put(look.username(), look);
                }
            }
            loadNextBatch();
        }, e -> {
            loading = false;
            loadNextBatch();
        });
    }

    /** On the worker thread: the looks of {@code usernames}; one that cannot be read is left out (shown plain). */
    private List<ContactLook> loadAll(List<String> usernames) {
        List<ContactLook> loaded = new ArrayList<>(usernames.size());
        for (String username : usernames) {
            try {
                loaded.add(load(username));
            } catch (Exception e) {
                // this contact shows their username and initials; the others still load
            }
        }
        return loaded;
    }

    /** On the worker thread. */
    private ContactLook load(String username) throws Exception {
        PeopleGateway.Look look = people.look(username);
        ContactLook.Presence dot = look.presence().map(p -> switch (p.status()) {
            case ONLINE -> ContactLook.Presence.ONLINE;
            case OFFLINE -> ContactLook.Presence.OFFLINE;
            case HIDDEN -> ContactLook.Presence.NONE;
        }).orElse(ContactLook.Presence.NONE);
        return new ContactLook(username, look.shown(), look.named(), avatar(username, look), dot);
    }

    private Optional<Image> avatar(String username, PeopleGateway.Look look) {
        if (look.avatar().length == 0) {
            return Optional.empty();
        }
        synchronized (avatars) {
            CachedAvatar cached = avatars.get(username);
            if (cached != null && cached.version() == look.version()) {
                return cached.image();
            }
        }
        Image image = new Image(new ByteArrayInputStream(look.avatar()), AVATAR_PIXELS, AVATAR_PIXELS, true, true);
        Optional<Image> decoded = image.isError() ? Optional.empty() : Optional.of(image);
        synchronized (avatars) {
            avatars.put(username, new CachedAvatar(look.version(), decoded));
        }
        return decoded;
    }

    /** How many avatars are cached (for tests). */
    int cachedAvatars() {
        synchronized (avatars) {
            return avatars.size();
        }
    }
}
