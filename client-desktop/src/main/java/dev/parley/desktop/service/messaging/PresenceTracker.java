package dev.parley.desktop.service.messaging;

import dev.parley.desktop.event.EventBus;
import dev.parley.desktop.event.PresenceChangedEvent;
import dev.parley.desktop.service.messaging.inbound.PresenceInbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The live presence of contacts, in memory (issue #14). A contact's device is online from an "online" payload until an
 * "offline" one, or until nothing was heard from it for {@link #EXPIRY} (a crashed client sends no "offline"); a
 * contact is online while any of its devices is (issue #17: a laptop going offline leaves its desktop online). UI updates
 * ({@link PresenceChangedEvent}) are coalesced to at most one per {@link #UPDATE_INTERVAL} per contact: a change
 * inside the interval is held and posted by {@link #tick()} once it has passed, so the last state always shows.
 * Answers to "reply wanted" are limited to one per {@link #REPLY_INTERVAL} per contact, so a flood gets no flood back.
 * Thread-safe; time comes from the injected clock.
 */
public final class PresenceTracker implements PresenceInbox {
    /** How often an online client repeats its presence. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(60);
    /** After this long without a word, an online contact counts as offline (2.5 heartbeats). */
    public static final Duration EXPIRY = Duration.ofSeconds(150);
    /** At most one UI update per contact in this time. */
    public static final Duration UPDATE_INTERVAL = Duration.ofSeconds(1);
    /** At most one answer to a "reply wanted" per contact in this time. */
    public static final Duration REPLY_INTERVAL = Duration.ofSeconds(10);

    private final Clock clock;
    private final EventBus events;
    /** By contact, what was last heard from each of its devices. */
    private final Map<String, Map<Integer, Live>> live = new HashMap<>();
    private final Map<String, Instant> lastPosted = new HashMap<>();
    private final Map<String, Instant> lastReplied = new HashMap<>();
    private final Set<String> held = new LinkedHashSet<>();
    private volatile Consumer<String> replier = username -> { };

    /** What was last heard from one device of a contact. */
    public record Live(boolean online, Instant heardAt) {
    }

    public PresenceTracker(Clock clock, EventBus events) {
        this.clock = clock;
        this.events = events;
    }

    /** Who answers a contact that asked for this profile's presence (the presence service, when started). */
    public void onReplyWanted(Consumer<String> replier) {
        this.replier = replier;
    }

    @Override
    public void received(String sender, int device, boolean online, boolean replyWanted) {
        Instant now = clock.instant();
        boolean answer;
        synchronized (this) {
            live.computeIfAbsent(sender, s -> new HashMap<>()).put(device, new Live(online, now));
            Instant replied = lastReplied.get(sender);
            answer = replyWanted && online && (replied == null || !now.isBefore(replied.plus(REPLY_INTERVAL)));
            if (answer) {
                lastReplied.put(sender, now);
            }
        }
        changed(sender, now);
        if (answer) {
            replier.accept(sender);
        }
    }

    /** Whether {@code username} is online now. */
    public synchronized boolean isOnline(String username) {
        Instant now = clock.instant();
        return live.getOrDefault(username, Map.of()).values().stream()
                .anyMatch(l -> l.online() && now.isBefore(l.heardAt().plus(EXPIRY)));
    }

    /** When {@code username} (any of its devices) was last heard from, if since this profile was unlocked. */
    public synchronized Optional<Instant> lastHeard(String username) {
        return live.getOrDefault(username, Map.of()).values().stream().map(Live::heardAt).max(Instant::compareTo);
    }

    /**
     * Posts the updates held back by coalescing whose interval has passed, and marks contacts silent for longer than
     * {@link #EXPIRY} offline. Called about every quarter second by the presence service.
     */
    public void tick() {
        Instant now = clock.instant();
        Set<String> due = new LinkedHashSet<>();
        synchronized (this) {
            for (Map.Entry<String, Map<Integer, Live>> contact : live.entrySet()) {
                for (Map.Entry<Integer, Live> e : contact.getValue().entrySet()) {
                    Live l = e.getValue();
                    if (l.online() && !now.isBefore(l.heardAt().plus(EXPIRY))) {
                        e.setValue(new Live(false, l.heardAt()));
                        held.add(contact.getKey());
                    }
                }
            }
            for (String username : held) {
                if (!now.isBefore(lastPosted.get(username) == null ? now : lastPosted.get(username).plus(UPDATE_INTERVAL))) {
                    due.add(username);
                }
            }
            held.removeAll(due);
            due.forEach(username -> lastPosted.put(username, now));
        }
        due.forEach(username -> events.publish(new PresenceChangedEvent(username)));
    }

    /** Forgets everything live (presence set to nobody, or a contact removed) and tells the UI. */
    public void clear() {
        Set<String> known;
        synchronized (this) {
            known = new LinkedHashSet<>(live.keySet());
            live.clear();
            held.clear();
        }
        known.forEach(username -> events.publish(new PresenceChangedEvent(username)));
    }

    private void changed(String username, Instant now) {
        synchronized (this) {
            Instant posted = lastPosted.get(username);
            if (posted != null && now.isBefore(posted.plus(UPDATE_INTERVAL))) {
                held.add(username);
                return;
            }
            lastPosted.put(username, now);
            held.remove(username);
        }
        events.publish(new PresenceChangedEvent(username));
    }
}
