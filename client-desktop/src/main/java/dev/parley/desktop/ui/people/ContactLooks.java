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

    private record CachedAvatar(long version, Optional<Image> image) {
    }

    public ContactLooks(PeopleGateway people, BackgroundTasks tasks) {
        this.people = Objects.requireNonNull(people);
        this.tasks = Objects.requireNonNull(tasks);
    }

    /** Reloads a contact's look whenever their profile, presence or contact entry changes. */
    public void start(EventBus bus) {
        subscriptions.add(bus.subscribe(ProfileChangedEvent.class, e -> reloadLater(e.username())));
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
        if (!looks.containsKey(username)) {
            looks.put(username, ContactLook.plain(username));
            reload(username);
        }
    }

    private void reloadLater(String username) {
        tasks.uiThread().execute(() -> {
            if (looks.containsKey(username)) {
                reload(username);
            }
        });
    }

    /** On the FX thread: loads and decodes in the background, then replaces the look. */
    private void reload(String username) {
        tasks.run(() -> load(username), look -> {
            if (looks.containsKey(username) && !look.equals(looks.get(username))) {
                looks.put(username, look);
            }
        }, e -> { });
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
