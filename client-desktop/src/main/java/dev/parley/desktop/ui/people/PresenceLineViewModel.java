package dev.parley.desktop.ui.people;

import dev.parley.desktop.event.EventBus;
import dev.parley.desktop.event.PresenceChangedEvent;
import dev.parley.desktop.service.ContactPresence;
import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.UserMessages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The presence of the open conversation's contact (issue #14): "online" with a dot, or "last seen 5 min ago". Reloads
 * when the conversation changes and on {@link PresenceChangedEvent}s for that contact (already coalesced to one per
 * second by the service); {@link #tick()} keeps "5 min ago" current.
 */
public final class PresenceLineViewModel {
    private final PeopleGateway people;
    private final BackgroundTasks tasks;
    private final UserMessages messages;
    private final Clock clock;
    private final ObjectProperty<String> contact = new SimpleObjectProperty<>(this, "contact");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper(this, "online", false);
    private Optional<ContactPresence> shown = Optional.empty();
    private EventBus.Subscription subscription;

    public PresenceLineViewModel(PeopleGateway people, BackgroundTasks tasks, UserMessages messages, Clock clock) {
        this.people = Objects.requireNonNull(people);
        this.tasks = Objects.requireNonNull(tasks);
        this.messages = Objects.requireNonNull(messages);
        this.clock = Objects.requireNonNull(clock);
        contact.addListener((obs, was, now) -> reload());
    }

    public void start(EventBus bus) {
        subscription = bus.subscribe(PresenceChangedEvent.class, e -> tasks.uiThread().execute(() -> {
            if (e.contact().equals(contact.get())) {
                reload();
            }
        }));
    }

    public void stop() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    /** The contact whose presence shows (the selected conversation); null for none. */
    public ObjectProperty<String> contactProperty() {
        return contact;
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty onlineProperty() {
        return online.getReadOnlyProperty();
    }

    /** Re-renders the relative time ("last seen 6 min ago"). */
    public void tick() {
        render();
    }

    private void reload() {
        String who = contact.get();
        if (who == null) {
            shown = Optional.empty();
            render();
            return;
        }
        tasks.run(() -> people.presence(who), p -> {
            if (who.equals(contact.get())) {
                shown = p;
                render();
            }
        }, e -> {
            shown = Optional.empty();
            render();
        });
    }

    private void render() {
        online.set(shown.map(ContactPresence::online).orElse(false));
        text.set(shown.map(this::describe).orElse(""));
    }

    private String describe(ContactPresence p) {
        return switch (p.status()) {
            case ONLINE -> messages.get("people.presence.online");
            case HIDDEN -> "";
            case OFFLINE -> p.lastSeen().map(this::lastSeen).orElse("");
        };
    }

    private String lastSeen(Instant at) {
        Duration ago = Duration.between(at, clock.instant());
        if (ago.toMinutes() < 1) {
            return messages.get("people.presence.justNow");
        }
        if (ago.toHours() < 1) {
            return messages.get("people.presence.minutes", ago.toMinutes());
        }
        if (ago.toDays() < 1) {
            return messages.get("people.presence.hours", ago.toHours());
        }
        return messages.get("people.presence.days", ago.toDays());
    }
}
