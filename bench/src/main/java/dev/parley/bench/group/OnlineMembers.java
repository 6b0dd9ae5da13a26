package dev.parley.bench.group;

import dev.parley.bench.relay.RelayConnection;
import dev.parley.crypto.group.GroupAction;
import dev.parley.crypto.group.GroupChange;
import dev.parley.crypto.group.GroupCipher;
import dev.parley.crypto.group.GroupTransitions;
import dev.parley.crypto.group.SenderKeyState;
import dev.parley.crypto.payload.Payload;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.wire.MultiRecipientBlob;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.glassfish.tyrus.client.ClientManager;

/**
 * Lightweight members online, doing what a member must do to be able to send to the group again after a removal:
 * each opens the pairwise envelopes it is sent (keeping its sessions in step), applies the group changes it receives
 * by the group rules ({@link GroupTransitions#decide}, after checking the author's signature), and on applying a
 * removal or a departure drops its sender key and makes a fresh one ({@link GroupCipher#create}), which the removed
 * member never receives. Group messages themselves (multi-recipient blobs) are acknowledged unread: reading them is
 * not part of re-keying. Every blob is acknowledged after it was handled, as a client does after storing it.
 *
 * <p>The members' work runs on {@code threads} threads named {@code bench-member-N} (a member always on the same one,
 * so its envelopes stay in order), so its CPU time can be told from the real clients'.
 */
final class OnlineMembers implements AutoCloseable {
    private final CryptoProvider crypto;
    private final GroupCipher cipher;
    private final List<ExecutorService> executors = new ArrayList<>();
    private final List<RelayConnection> links = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<State> states = new ArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final AutoCloseable keepAlive = MemberLinks.keepAlive(links);

    /** What one member holds: its group state and its own sender key, and when it last applied a change. */
    private static final class State {
        final LightMember member;
        Optional<GroupTransitions.Held> held = Optional.empty();
        SenderKeyState ownKey;
        volatile long revision;
        volatile long appliedAtNanos;

        State(LightMember member) {
            this.member = member;
        }
    }

    OnlineMembers(CryptoProvider crypto, int threads) {
        this.crypto = crypto;
        this.cipher = new GroupCipher(crypto, crypto.random());
        for (int i = 0; i < threads; i++) {
            String name = "bench-member-" + i;
            executors.add(Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            }));
        }
    }

    /** Signs every member in; returns when each has handled everything that was queued for it. */
    void signInAll(ClientManager client, URI relay, List<LightMember> members) throws Exception {
        for (LightMember member : members) {
            State state = new State(member);
            states.add(state);
            ExecutorService executor = executors.get((states.size() - 1) % executors.size());
            // Blobs may be pushed before signIn returns: their handling waits for the link (to acknowledge on).
            java.util.concurrent.CompletableFuture<RelayConnection> link = new java.util.concurrent.CompletableFuture<>();
            link.complete(MemberLinks.signIn(client, relay, member,
                    d -> executor.execute(() -> handle(state, link.join(), d))));
            links.add(link.join());
        }
        for (RelayConnection link : links) {
            link.queueEmpty.get(10, TimeUnit.MINUTES);
        }
        awaitIdle();
    }

    /** Waits until every member has handled what it was pushed so far. */
    void awaitIdle() throws Exception {
        for (ExecutorService executor : executors) {
            executor.submit(() -> { }).get(10, TimeUnit.MINUTES);
        }
    }

    private void handle(State state, RelayConnection link, Push.Deliver deliver) {
        try {
            if (MultiRecipientBlob.decode(deliver.blob()).isEmpty()) {
                LightMember.Opened opened = state.member.open(deliver.blob());
                if (opened.payload() instanceof Payload.GroupUpdate update) {
                    apply(state, opened, update.change());
                }
            }
        } catch (Exception e) {
            failures.incrementAndGet();
        }
        link.fire(new Request.Ack(deliver.messageId()));
    }

    private void apply(State state, LightMember.Opened opened, GroupChange change) throws Exception {
        if (!change.author().equals(opened.sender())) {
            return;
        }
        change.verify(crypto, opened.senderKey());
        byte[] hash = change.hash(crypto);
        GroupTransitions.Verdict verdict = GroupTransitions.decide(state.held, change, hash, state.member.name);
        if (verdict == GroupTransitions.Verdict.DROP) {
            return;
        }
        state.held = Optional.of(new GroupTransitions.Held(change.state(),
                state.held.map(GroupTransitions.Held::current).orElse(null), hash));
        if (change.action() == GroupAction.REMOVE || change.action() == GroupAction.LEAVE) {
            state.ownKey = cipher.create(change.state().id());
        }
        state.appliedAtNanos = System.nanoTime();
        state.revision = change.state().revision();
    }

    /**
     * Waits until every member but {@code except} holds {@code revision}; returns the latest {@link System#nanoTime}
     * at which one of them applied it.
     */
    long awaitRevision(long revision, String except, long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        AtomicLong latest = new AtomicLong();
        for (State s : states) {
            if (s.member.name.equals(except)) {
                continue;
            }
            while (s.revision < revision) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("a member did not apply revision " + revision + " in time");
                }
                Thread.sleep(1);
            }
            if (s.ownKey == null && revision > 1) {
                throw new IllegalStateException("a member applied the removal without a fresh sender key");
            }
            latest.accumulateAndGet(s.appliedAtNanos, Math::max);
        }
        return latest.get();
    }

    /** Envelopes the members could not open or apply (should stay 0). */
    int failures() {
        return failures.get();
    }

    @Override
    public void close() throws Exception {
        keepAlive.close();
        for (RelayConnection link : links) {
            link.close();
        }
        executors.forEach(ExecutorService::shutdownNow);
    }
}
