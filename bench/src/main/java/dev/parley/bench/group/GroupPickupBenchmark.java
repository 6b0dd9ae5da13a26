package dev.parley.bench.group;

import dev.parley.desktop.app.ParleyApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.glassfish.tyrus.client.ClientManager;

/**
 * Issue #15: offline pickup of N group messages from S senders against N direct messages from the same S senders,
 * in alternating rounds of one run against one relay (a child process on H2).
 *
 * <p>Each round has a fresh recipient, a real client profile (encrypted H2). Before the clock: the senders
 * (lightweight accounts, {@link PickupSenders}) start sessions with it; for a group round the first sender creates a
 * group of all of them and every sender sends its sender key, for a direct round every sender sends a first message;
 * the recipient picks that up and closes. Then the N messages are queued (round-robin over the senders: for a group
 * round one multi-recipient blob each, uploaded with {@code send_multi}; for a direct round one sealed envelope each),
 * the recipient's profile is unlocked again, and the clock runs from {@code connection().start()} until everything
 * is decrypted, stored and acknowledged ({@code awaitDrained}), as in {@code PickupLoadGenerator}. The messages
 * stored are counted afterwards (a dropped message would make a round look fast).
 *
 * <pre>java -cp bench/target/parley-bench.jar dev.parley.bench.group.GroupPickupBenchmark [messages] [senders] [rounds]</pre>
 */
public final class GroupPickupBenchmark {
    private GroupPickupBenchmark() {
    }

    /** One timed pickup. */
    private record Pickup(double wallSeconds, double inboundCpuSeconds, double openPoolCpuSeconds, double processCpuSeconds) {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int senderCount = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        GroupFixture.quiet();
        System.out.printf("load average at start: %s%n", CpuMeter.loadAverage());
        ClientManager client = ClientManager.createClient();
        List<Double> ratios = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        try (BenchRelay relay = new BenchRelay(false);
             ClientProfiles profiles = new ClientProfiles(relay.uri);
             PickupSenders senders = new PickupSenders(GroupFixture.CRYPTO, client, relay.uri, senderCount)) {
            for (int round = 1; round <= rounds; round++) {
                Pickup group = groupRound(profiles, senders, "gbob" + round, messages);
                Pickup direct = directRound(profiles, senders, "dbob" + round, messages);
                ratios.add(group.wallSeconds() / direct.wallSeconds());
                cpuRatios.add(group.inboundCpuSeconds() / direct.inboundCpuSeconds());
                System.out.printf(Locale.ROOT, "round %d: %d group messages %.3f s (pickup thread CPU %.3f s, opening pool"
                                + " %.3f s, JVM %.3f s); %d direct %.3f s (pickup thread CPU %.3f s, opening pool %.3f s, JVM"
                                + " %.3f s); group/direct %.2f wall, %.2f pickup-thread CPU; load %s%n", round, messages,
                        group.wallSeconds(), group.inboundCpuSeconds(), group.openPoolCpuSeconds(),
                        group.processCpuSeconds(), messages, direct.wallSeconds(), direct.inboundCpuSeconds(),
                        direct.openPoolCpuSeconds(), direct.processCpuSeconds(), ratios.get(round - 1),
                        cpuRatios.get(round - 1), CpuMeter.loadAverage());
            }
        } finally {
            client.shutdown();
        }
        System.out.printf(Locale.ROOT, "%d messages from %d senders, %d rounds: group/direct median %.2f wall, %.2f"
                + " pickup-thread CPU (target: within 1.25)%n", messages, senderCount, rounds, median(ratios), median(cpuRatios));
    }

    private static Pickup groupRound(ClientProfiles profiles, PickupSenders senders, String recipient, int messages)
            throws Exception {
        String conversation;
        try (ParleyApp app = profiles.create(recipient)) {
            conversation = senders.startGroup(recipient);
            app.connection().start();
            GroupFixture.await(app);
            if (app.groups().list().stream().noneMatch(g -> ("#" + g.state().id().hex()).equals(conversation))) {
                throw new IllegalStateException("the recipient did not join the group");
            }
            // members who are not contacts open no conversation; add them so both kinds of round reply alike
            for (String sender : senders.names()) {
                app.contacts().add(sender);
            }
            reply(app, senders);
        }
        senders.sendAll(messages, true);
        try (ParleyApp app = profiles.unlock(recipient)) {
            Pickup pickup = pickup(app);
            int stored = ClientProfiles.count(app, conversation);
            if (stored < messages) {
                throw new IllegalStateException("only " + stored + " of " + messages + " group messages stored");
            }
            return pickup;
        }
    }

    private static Pickup directRound(ClientProfiles profiles, PickupSenders senders, String recipient, int messages)
            throws Exception {
        try (ParleyApp app = profiles.create(recipient)) {
            senders.startDirect(recipient);
            app.connection().start();
            GroupFixture.await(app);
            reply(app, senders);
        }
        senders.sendAll(messages, false);
        try (ParleyApp app = profiles.unlock(recipient)) {
            Pickup pickup = pickup(app);
            int stored = 0;
            for (String sender : senders.names()) {
                stored += ClientProfiles.count(app, sender);
            }
            if (stored < messages) {
                throw new IllegalStateException("only " + stored + " of " + messages + " direct messages stored");
            }
            return pickup;
        }
    }

    /**
     * The recipient answers every sender once (accepting them as contacts) and the senders read it: in both kinds of
     * round the conversations are then established ones, whose pairwise messages no longer carry the handshake.
     */
    private static void reply(ParleyApp app, PickupSenders senders) throws Exception {
        for (String sender : senders.names()) {
            app.messaging().send(sender, "hi");
        }
        GroupFixture.await(app);
        senders.awaitReplies();
    }

    private static Pickup pickup(ParleyApp app) throws Exception {
        CpuMeter meter = CpuMeter.start();
        long start = System.nanoTime();
        app.connection().start();
        if (!app.connection().awaitDrained(Duration.ofMinutes(10))) {
            throw new IllegalStateException("pickup did not finish within 10 minutes");
        }
        double wall = (System.nanoTime() - start) / 1e9;
        return new Pickup(wall, meter.seconds(CpuMeter.named("parley-relay-inbound")),
                meter.seconds(CpuMeter.named("parley-envelope-open-")), meter.processSeconds());
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
