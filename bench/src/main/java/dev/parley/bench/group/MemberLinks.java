package dev.parley.bench.group;

import dev.parley.bench.relay.RelayConnection;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.glassfish.tyrus.client.ClientManager;

/** Relay connections for {@link LightMember}s: bulk registration and signing in. */
final class MemberLinks {
    private MemberLinks() {
    }

    /** Registers every member over one connection (registrations pipelined); they stay offline. */
    static void registerAll(ClientManager client, URI uri, List<LightMember> members) throws Exception {
        RelayConnection c = RelayConnection.open(client, uri);
        try {
            Push.Challenge challenge = c.challenge.get(60, TimeUnit.SECONDS);
            for (int from = 0; from < members.size(); from += 200) {
                List<CompletableFuture<Response>> answers = new ArrayList<>();
                for (LightMember m : members.subList(from, Math.min(members.size(), from + 200))) {
                    answers.add(c.request(m.registration(challenge)));
                }
                for (CompletableFuture<Response> answer : answers) {
                    expect(answer, Response.Ok.class);
                }
            }
        } finally {
            c.close();
        }
    }

    /**
     * Signs {@code member} in on a new connection; {@code onDeliver} sees every blob pushed to it (from the relay's
     * reading thread: hand work elsewhere). Returns once the relay says the member's queue has been drained.
     */
    static RelayConnection signIn(ClientManager client, URI uri, LightMember member, Consumer<Push.Deliver> onDeliver)
            throws Exception {
        RelayConnection c = RelayConnection.open(client, uri);
        c.onDeliver(onDeliver);
        Push.Challenge challenge = c.challenge.get(60, TimeUnit.SECONDS);
        member.signedIn(challenge, expect(c.request(member.authentication(challenge)), Response.Authenticated.class));
        return c;
    }

    /** Pings every link every 10 s until closed, so that idle members stay connected. */
    static AutoCloseable keepAlive(List<RelayConnection> links) {
        java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-keepalive");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> links.forEach(RelayConnection::ping), 10, 10, TimeUnit.SECONDS);
        return timer::shutdownNow;
    }

    static <T extends Response> T expect(CompletableFuture<Response> future, Class<T> type) throws Exception {
        Response response = future.get(120, TimeUnit.SECONDS);
        if (!type.isInstance(response)) {
            throw new IllegalStateException("relay answered " + response);
        }
        return type.cast(response);
    }

    static Response.Bundle bundle(RelayConnection c, String username) throws Exception {
        return expect(c.request(new Request.FetchBundle(username)), Response.Bundle.class);
    }
}
