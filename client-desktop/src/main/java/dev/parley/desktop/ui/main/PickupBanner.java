package dev.parley.desktop.ui.main;

import dev.parley.desktop.event.PickupProgressEvent;
import dev.parley.desktop.net.ConnectionState;
import dev.parley.desktop.net.ConnectionStatus;
import dev.parley.desktop.ui.common.UserMessages;
import java.util.Objects;
import java.util.Optional;

/**
 * What the banner says while the offline queue is picked up after a login ("Receiving messages... 1,200"): shown
 * from the first progress event until the done event, and dropped when the connection leaves {@code ONLINE} (a pickup
 * cut short never sends its done event). Pure and single-threaded; the view model feeds it on the UI thread.
 */
public final class PickupBanner {
    private final UserMessages messages;
    private boolean receiving;
    private int received;
    private dev.parley.desktop.event.HistoryTransferEvent history;

    public PickupBanner(UserMessages messages) {
        this.messages = Objects.requireNonNull(messages);
    }

    /** Records a progress event from the messaging service. */
    public void progress(PickupProgressEvent event) {
        receiving = !event.done();
        received = event.received();
    }

    /** Records a chunk of history imported from another device of the account (issue #17). */
    public void history(dev.parley.desktop.event.HistoryTransferEvent event) {
        history = event.complete() ? null : event;
    }

    /**
     * The line the conversation list shows while a history transfer arrives (issue #17: "Receiving your history...
     * 1,200 of 5,000 messages"); empty once it is complete or before any.
     */
    public Optional<String> historyText() {
        return history == null ? Optional.empty() : Optional.of(messages.get("history.receiving",
                history.messagesReceived(), history.messagesTotal()));
    }

    /** Records a connection change; anything but online ends the pickup being shown. */
    public void connectionChanged(ConnectionState state) {
        if (state.status() != ConnectionStatus.ONLINE) {
            receiving = false;
        }
    }

    /** The banner text while a pickup is under way; empty otherwise. */
    public Optional<String> text() {
        return receiving ? Optional.of(messages.get("pickup.receiving", received)) : Optional.empty();
    }
}
