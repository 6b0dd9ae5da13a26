package dev.parley.bench.group;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issue #15: one 200-byte message to a 1,000-member group against the same message sent separately to each of the
 * 999 other members, alternately in one run against one relay.
 *
 * <p>The sender is a real client profile (encrypted H2, the app's services, online); the other members are lightweight
 * relay accounts whose keys the benchmark holds ({@link LightMember}), offline, so the relay stores every blob in
 * their queues. First the group is created (sessions with every member, not measured); then the first group message,
 * which also distributes the sender's key pairwise to every member, is measured on its own; then rounds of one group
 * message (the sender key already held: one {@code send_multi}) against 999 {@code messaging().send} of the same text.
 * Each is measured from the call until the relay has accepted everything ({@link SendPhase}); the relay's own fan-out
 * time comes from its {@code parley_relay_multi_send_settle_seconds} counter, read before and after.
 *
 * <pre>java -cp bench/target/parley-bench.jar dev.parley.bench.group.GroupSendBenchmark [members] [rounds] [memory]</pre>
 *
 * ({@code memory}: the relay on its in-memory stores instead of H2.)
 */
public final class GroupSendBenchmark {
    private static final int TEXT_BYTES = 200;

    private GroupSendBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        boolean inMemory = args.length > 2 && "memory".equals(args[2]);
        System.out.printf("load average at start: %s%n", CpuMeter.loadAverage());
        try (GroupFixture f = new GroupFixture(inMemory, members - 1)) {
            f.createGroup(List.of());
            String group = f.groupRef();
            SendPhase first = SendPhase.measure(f.relay, f.admin, f.adminThreads,
                    () -> f.admin.groups().send(group, GroupFixture.text(TEXT_BYTES, "first")));
            System.out.println(first.line("first group message (+ key to all)"));
            List<SendPhase> grouped = new ArrayList<>();
            List<SendPhase> separate = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                String text = GroupFixture.text(TEXT_BYTES, "round " + round);
                SendPhase g = SendPhase.measure(f.relay, f.admin, f.adminThreads,
                        () -> f.admin.groups().send(group, text));
                System.out.println(g.line("round " + round + ": group message"));
                SendPhase s = SendPhase.measure(f.relay, f.admin, f.adminThreads, () -> {
                    for (LightMember m : f.light) {
                        f.admin.messaging().send(m.name, text);
                    }
                });
                System.out.println(s.line("round " + round + ": " + f.light.size() + " separate sends"));
                grouped.add(g);
                separate.add(s);
            }
            System.out.printf(Locale.ROOT, "relay on %s, %d members, %d-byte text, %d rounds, load average at end: %s%n",
                    f.relay.stores(), members, TEXT_BYTES, rounds, CpuMeter.loadAverage());
            summary("group message", grouped);
            summary(f.light.size() + " separate sends", separate);
            System.out.printf(Locale.ROOT, "separate / group (medians): client CPU %.1fx, relay CPU %.1fx, time until"
                            + " accepted %.1fx, uploads %.0fx%n",
                    median(separate, SendPhase::clientCpuMs) / median(grouped, SendPhase::clientCpuMs),
                    median(separate, p -> p.relayCpuMs()) / Math.max(10, median(grouped, p -> p.relayCpuMs())),
                    median(separate, SendPhase::drainedMs) / median(grouped, SendPhase::drainedMs),
                    median(separate, p -> p.uploads()) / median(grouped, p -> p.uploads()));
        }
    }

    private static void summary(String what, List<SendPhase> phases) {
        System.out.printf(Locale.ROOT, "%-22s median: client CPU %.1f ms (call %.1f), accepted after %.1f ms, relay CPU"
                        + " %.0f ms, relay send_multi settle %.1f ms, uploads %.0f%n", what,
                median(phases, SendPhase::clientCpuMs), median(phases, SendPhase::callCpuMs),
                median(phases, SendPhase::drainedMs), median(phases, p -> p.relayCpuMs()),
                median(phases, SendPhase::relaySettleMs), median(phases, p -> p.uploads()));
    }

    static double median(List<SendPhase> phases, java.util.function.ToDoubleFunction<SendPhase> value) {
        double[] v = phases.stream().mapToDouble(value).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
