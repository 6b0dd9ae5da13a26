package dev.parley.bench.group;

import dev.parley.bench.relay.RelayConnection;
import dev.parley.crypto.envelope.MultiRecipientSeal;
import dev.parley.crypto.group.GroupAction;
import dev.parley.crypto.group.GroupChange;
import dev.parley.crypto.group.GroupCipher;
import dev.parley.crypto.group.GroupId;
import dev.parley.crypto.group.GroupMember;
import dev.parley.crypto.group.GroupRole;
import dev.parley.crypto.group.GroupState;
import dev.parley.crypto.group.SenderKeyState;
import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.payload.MessageId;
import dev.parley.crypto.payload.Payload;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.glassfish.tyrus.client.ClientManager;

/**
 * The senders of the offline-pickup benchmark: lightweight accounts, each signed in on its own connection, that write
 * to one recipient either as members of a group (sender keys, one multi-recipient blob per message, as
 * {@code send_multi} uploads it) or directly (one sealed pairwise envelope per message). Messages go round-robin
 * over the senders, so the recipient's queue interleaves them as a busy group's would.
 */
final class PickupSenders implements AutoCloseable {
    private final CryptoProvider crypto;
    private final List<LightMember> senders = new ArrayList<>();
    private final List<RelayConnection> links = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final GroupCipher cipher;
    private final MultiRecipientSeal multiSeal;
    private final AutoCloseable keepAlive = MemberLinks.keepAlive(links);

    PickupSenders(CryptoProvider crypto, ClientManager client, URI relay, int count) throws Exception {
        this.crypto = crypto;
        this.cipher = new GroupCipher(crypto, crypto.random());
        this.multiSeal = new MultiRecipientSeal(crypto);
        for (int i = 0; i < count; i++) {
            senders.add(new LightMember(crypto, String.format("sender%02d", i)));
        }
        MemberLinks.registerAll(client, relay, senders);
        for (int i = 0; i < count; i++) {
            int index = i;
            CompletableFuture<RelayConnection> link = new CompletableFuture<>();
            link.complete(MemberLinks.signIn(client, relay, senders.get(i), d -> received(index, link.join(), d)));
            links.add(link.join());
        }
    }

    /**
     * What the recipient sends a sender (its reply, its delivery receipts) is opened, so that the sender's session
     * leaves the handshake (its later messages are ordinary ratchet messages, as in a conversation both sides have
     * written in), and acknowledged.
     */
    private void received(int sender, RelayConnection link, Push.Deliver deliver) {
        try {
            LightMember.Opened opened = senders.get(sender).open(deliver.blob());
            Round current = round;
            if (current != null && current.recipient.equals(opened.sender())) {
                current.replies.incrementAndGet(sender);
            }
        } catch (Exception e) {
            failures.incrementAndGet();
        }
        link.fire(new Request.Ack(deliver.messageId()));
    }

    /** Waits until every sender has opened at least one envelope from this round's recipient. */
    void awaitReplies() throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
        for (int i = 0; i < senders.size(); i++) {
            while (round.replies.get(i) == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("a sender got no reply from the recipient (failures: " + failures + ")");
                }
                Thread.sleep(5);
            }
        }
    }

    /** What the recipient is sent, prepared per round. */
    private final class Round {
        final String recipient;
        final IdentityKey recipientKey;
        final List<SenderKeyState> keys = new ArrayList<>();
        final java.util.concurrent.atomic.AtomicIntegerArray replies = new java.util.concurrent.atomic.AtomicIntegerArray(senders.size());

        Round(String recipient) throws Exception {
            this.recipient = recipient;
            IdentityKey key = null;
            for (int i = 0; i < senders.size(); i++) {
                Response.Bundle bundle = MemberLinks.bundle(links.get(i), recipient);
                senders.get(i).startSession(recipient, bundle.bundle());
                key = new IdentityKey(bundle.bundle().identityKey());
            }
            this.recipientKey = key;
        }
    }

    private volatile Round round;
    private final java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * A new recipient: sessions with it, and what it must hold before group messages make sense: the group's creation
     * (by the first sender, the admin; every sender and the recipient are members) and every sender's sender key,
     * each a pairwise envelope. Returns the group's conversation id.
     */
    String startGroup(String recipient) throws Exception {
        round = new Round(recipient);
        List<GroupMember> members = new ArrayList<>();
        List<String> others = new ArrayList<>();
        members.add(new GroupMember(senders.get(0).name, GroupRole.ADMIN));
        for (LightMember s : senders.subList(1, senders.size())) {
            members.add(new GroupMember(s.name, GroupRole.MEMBER));
            others.add(s.name);
        }
        members.add(new GroupMember(recipient, GroupRole.MEMBER));
        others.add(recipient);
        GroupState state = new GroupState(GroupId.random(crypto.random()), 1, "Pickup group", "", 0, null, members);
        LightMember admin = senders.get(0);
        GroupChange create = GroupChange.sign(crypto, admin.identity, admin.name, GroupAction.CREATE, others, state);
        List<CompletableFuture<Response>> pending = new ArrayList<>();
        pending.add(send(0, admin.seal(recipient, round.recipientKey, new Payload.GroupUpdate(create))));
        settle(pending);
        for (int i = 0; i < senders.size(); i++) {
            SenderKeyState key = cipher.create(state.id());
            round.keys.add(key);
            pending.add(send(i, senders.get(i).seal(recipient, round.recipientKey, new Payload.SenderKey(key.distribution()))));
        }
        settle(pending);
        return "#" + state.id().hex();
    }

    /** A new recipient for direct messages: sessions with it and a first message from every sender. */
    void startDirect(String recipient) throws Exception {
        round = new Round(recipient);
        List<CompletableFuture<Response>> pending = new ArrayList<>();
        for (int i = 0; i < senders.size(); i++) {
            pending.add(send(i, senders.get(i).seal(recipient, round.recipientKey, text("hello"))));
        }
        settle(pending);
    }

    List<String> names() {
        return senders.stream().map(s -> s.name).toList();
    }

    /** {@code messages} texts, round-robin over the senders, as group messages or direct ones. */
    void sendAll(int messages, boolean group) throws Exception {
        List<CompletableFuture<Response>> pending = new ArrayList<>();
        for (int k = 0; k < messages; k++) {
            int i = k % senders.size();
            Payload text = text("pickup benchmark message " + k);
            if (group) {
                GroupCipher.Encrypted encrypted = cipher.encrypt(round.keys.get(i), text);
                round.keys.set(i, encrypted.next());
                LightMember s = senders.get(i);
                MultiRecipientSeal.Sealed sealed = multiSeal.seal(List.of(round.recipientKey), s.identity,
                        s.certificate(), encrypted.message().serialize(), crypto.random());
                pending.add(links.get(i).request(new Request.SendMulti(List.of(new Request.MultiRecipient(
                        round.recipient, MessageId.random(crypto.random()).bytes(), sealed.headers().get(0))),
                        sealed.body())));
            } else {
                pending.add(send(i, senders.get(i).seal(round.recipient, round.recipientKey, text)));
            }
            if (pending.size() >= 500) {
                settle(pending);
            }
        }
        settle(pending);
    }

    private Payload text(String body) {
        return new Payload.Text(MessageId.random(crypto.random()), System.currentTimeMillis(), body);
    }

    private CompletableFuture<Response> send(int sender, byte[] blob) {
        return links.get(sender).request(new Request.Send(round.recipient, MessageId.random(crypto.random()).bytes(), blob));
    }

    private static void settle(List<CompletableFuture<Response>> pending) throws Exception {
        for (CompletableFuture<Response> f : pending) {
            Response r = f.get(120, java.util.concurrent.TimeUnit.SECONDS);
            boolean accepted = r instanceof Response.SendAccepted || r instanceof Response.SendMultiResult multi
                    && multi.outcomes().stream().allMatch(o -> o.status() == Response.MultiSendStatus.ACCEPTED);
            if (!accepted) {
                throw new IllegalStateException("relay answered " + r);
            }
        }
        pending.clear();
    }

    @Override
    public void close() throws Exception {
        keepAlive.close();
        for (RelayConnection link : links) {
            link.close();
        }
    }
}
