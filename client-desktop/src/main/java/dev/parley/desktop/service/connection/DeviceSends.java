package dev.parley.desktop.service.connection;

import dev.parley.crypto.prekey.PreKeyBundle;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.desktop.crypto.DeviceAddress;
import dev.parley.desktop.service.StorageFailureException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue #17, linked devices (docs/protocol.md part 2, "Linked devices"): the outbox's copies of one message for the
 * devices of one account go to the relay as one {@code device_send}. The one copy of a message to a contact's device 1
 * alone goes with a plain {@code send}, as before devices (a single-device contact costs nothing more). Either may be
 * answered {@code device_list_stale} with the account's current devices: the outbox then corrects the copies (new
 * sessions from fetched bundles, gone devices dropped, {@link Outbox#devicesChanged}) off the control thread, and they
 * are sent again with the same client message id, so each device stores the message once. A message whose list is
 * stale more than {@value #MAX_CORRECTIONS} times on one link stays queued for the next login. Control thread.
 */
final class DeviceSends {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceSends.class);
    static final int MAX_CORRECTIONS = 3;

    /** The queued copies of one message for one account's devices. */
    static final class Copies {
        final byte[] clientMessageId;
        final String account;
        final List<Outbox.Item> items = new ArrayList<>();

        Copies(byte[] clientMessageId, String account) {
            this.clientMessageId = clientMessageId;
            this.account = account;
        }
    }

    private final Outbox outbox;
    private final ScheduledExecutorService control;
    private final Executor background;
    private final Predicate<RelayConnection> isOnline;
    private final OutboxSender single;

    DeviceSends(Outbox outbox, ScheduledExecutorService control, Executor background,
                Predicate<RelayConnection> isOnline, OutboxSender single) {
        this.outbox = outbox;
        this.control = control;
        this.background = background;
        this.isOnline = isOnline;
        this.single = single;
    }

    /** Adds a pairwise item to the copies of its message for its account among {@code steps}, or as new copies. */
    static void add(List<Object> steps, Outbox.Item item) {
        String account = DeviceAddress.accountOf(item.recipient());
        for (Object step : steps) {
            if (step instanceof Copies copies && copies.account.equals(account)
                    && Arrays.equals(copies.clientMessageId, item.clientMessageId())) {
                copies.items.add(item);
                return;
            }
        }
        Copies copies = new Copies(item.clientMessageId(), account);
        copies.items.add(item);
        steps.add(copies);
    }

    void send(RelayConnection c, Copies copies) {
        if (copies.items.get(0).ephemeral()) {
            sendEphemeral(c, copies);
            return;
        }
        if (copies.items.size() == 1 && !copies.account.equals(c.credentials.username())
                && DeviceAddress.parse(copies.items.get(0).recipient()).deviceId() == 1) {
            single.send(c, copies.items.get(0));
            return;
        }
        List<Request.DeviceCopy> list = new ArrayList<>();
        for (Outbox.Item item : copies.items) {
            list.add(new Request.DeviceCopy(DeviceAddress.parse(item.recipient()).deviceId(), item.blob()));
        }
        CompletableFuture<Void> answered = new CompletableFuture<>();
        c.inFlight.incrementAndGet();
        c.unanswered.put(answered, copies.account);
        c.link.request(new Request.DeviceSend(copies.account, copies.clientMessageId, list))
                .whenCompleteAsync((response, error) -> {
                    if (response instanceof Response.DeviceListStale stale) {
                        correct(c, copies.account, copies.clientMessageId, stale.devices(), answered);
                        return;
                    }
                    c.unanswered.remove(answered);
                    answered.complete(null);
                    onResult(c, copies, response, error);
                }, control);
    }

    /**
     * The copies of one ephemeral payload (typing, presence) for one account's devices, sent once, never retried: a
     * contact's device 1 alone with a plain {@code send_ephemeral}, else one {@code device_send_ephemeral}. One the
     * relay answers with a stale list is dropped; the next message to that account corrects the list.
     */
    static void sendEphemeral(RelayConnection c, Copies copies) {
        Outbox.Item first = copies.items.get(0);
        if (copies.items.size() == 1 && !copies.account.equals(c.credentials.username())
                && DeviceAddress.parse(first.recipient()).deviceId() == 1) {
            // fire and forget, as in OutboxSender: nothing waits for (or gets, from a lean relay) its ok
            c.link.fireAll(List.of(new Request.SendEphemeral(copies.account, first.blob())));
            return;
        }
        List<Request.DeviceCopy> list = new ArrayList<>();
        for (Outbox.Item item : copies.items) {
            list.add(new Request.DeviceCopy(DeviceAddress.parse(item.recipient()).deviceId(), item.blob()));
        }
        c.link.request(new Request.DeviceSendEphemeral(copies.account, list)).whenComplete((response, error) -> {
            if (response instanceof Response.DeviceListStale) {
                LOG.debug("an ephemeral message to a stale device list was dropped");
            }
        });
    }

    private void onResult(RelayConnection c, Copies copies, Response response, Throwable error) {
        try {
            if (error != null && SendRetries.unanswered(error) && isOnline.test(c)) {
                LOG.debug("device send not answered in time; trying again on this link");
                retryLater(c, copies, c.retries.nextDelayMillis(copies.clientMessageId, copies.account));
            } else if (error != null) {
                LOG.debug("device send not confirmed; it stays in the outbox", error);
            } else if (response instanceof Response.SendAccepted) {
                outbox.acceptedCopies(copies.items);
            } else if (response instanceof Response.ErrorResponse err) {
                switch (err.code()) {
                    case UNKNOWN_USER, INVALID_FIELD, FRAME_TOO_LARGE -> {
                        for (Outbox.Item item : copies.items) {
                            outbox.rejected(item, "relay refused: " + err.code());
                        }
                    }
                    case QUEUE_FULL, RATE_LIMITED -> retryLater(c, copies, err.retryAfterMillis());
                    case INTERNAL_ERROR -> retryLater(c, copies,
                            c.retries.nextDelayMillis(copies.clientMessageId, copies.account));
                    default -> LOG.info("device send refused with {}; it stays in the outbox", err.code());
                }
            }
        } catch (StorageFailureException e) {
            LOG.error("cannot record the relay's answer to a device send", e);
        } finally {
            single.finished(c);
        }
    }

    /**
     * The relay named {@code account}'s current devices: the outbox corrects the message's copies (fetching the new
     * devices' bundles on this link), then they are sent again at once. The request this answers counts as in flight
     * until then, and {@code answered} (its entry among the link's unanswered sends) completes only once the copies
     * sent again are answered: a {@code send_multi} waiting for the sender key it carries is not sent before it
     * (issue #17: a group message must not reach a new device before the key that opens it).
     */
    void correct(RelayConnection c, String account, byte[] clientMessageId, List<Integer> devices,
                 CompletableFuture<Void> answered) {
        String key = account + "/" + HexFormat.of().formatHex(clientMessageId);
        if (c.corrections.merge(key, 1, Integer::sum) > MAX_CORRECTIONS) {
            LOG.warn("a recipient's device list keeps changing; the message stays queued for the next login");
            settled(c, answered);
            single.finished(c);
            return;
        }
        try {
            background.execute(() -> {
                List<Outbox.Item> again;
                try {
                    again = outbox.devicesChanged(account, clientMessageId, devices, (u, d) -> bundle(c, u, d));
                } catch (StorageFailureException | RuntimeException e) {
                    LOG.error("cannot correct a message's device list; it stays queued", e);
                    again = List.of();
                }
                List<Outbox.Item> items = again;
                RelayConnectionService.run(control, () -> {
                    java.util.Set<CompletableFuture<Void>> before = new java.util.HashSet<>(c.unanswered.keySet());
                    if (isOnline.test(c) && !items.isEmpty()) {
                        single.sendAllNow(c, items);
                    }
                    List<CompletableFuture<Void>> resent = new ArrayList<>();
                    c.unanswered.forEach((future, to) -> {
                        if (to.equals(account) && !before.contains(future)) {
                            resent.add(future);
                        }
                    });
                    CompletableFuture.allOf(resent.toArray(CompletableFuture[]::new))
                            .whenCompleteAsync((ignored, e) -> settled(c, answered), control);
                    single.finished(c);
                });
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            settled(c, answered);
            single.finished(c);
        }
    }

    private static void settled(RelayConnection c, CompletableFuture<Void> answered) {
        c.unanswered.remove(answered);
        answered.complete(null);
    }

    /** One device's bundle over this link ({@code device_fetch_bundle}); empty if the relay has none. */
    private static Optional<PreKeyBundle> bundle(RelayConnection c, String account, int deviceId) {
        try {
            Response response = c.link.request(new Request.DeviceFetchBundle(account, deviceId))
                    .get(c.link.requestTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
            if (response instanceof Response.Bundle bundle) {
                return Optional.of(bundle.bundle());
            }
            LOG.info("no bundle for a recipient's device: {}", ((Response.ErrorResponse) response).code());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException | ClassCastException e) {
            LOG.info("no bundle for a recipient's device: {}", e.getClass().getSimpleName());
        }
        return Optional.empty();
    }

    private void retryLater(RelayConnection c, Copies copies, long retryAfterMillis) {
        control.schedule(() -> {
            if (isOnline.test(c)) {
                send(c, copies);
            }
        }, Math.max(100, retryAfterMillis), TimeUnit.MILLISECONDS);
    }
}
