package dev.parley.bench.group;

import dev.parley.desktop.app.ParleyApp;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Issue #15: removing a member from a 1,000-member group, and the time until every remaining member can send again
 * under a new sender key.
 *
 * <p><b>"Can send again"</b>, precisely: a remaining member has applied the removal (the admin's signed REMOVE change,
 * checked and in revision order), which deletes its sender key, and holds a fresh one; its next group message goes
 * out under that key, preceded by the key's distribution to the remaining members only, so the removed member can
 * read nothing it sends. (Parley re-keys lazily: the fresh key is made and distributed with that next message.)
 *
 * <p>The group: the admin and one other member are real client profiles (encrypted H2, online); the other 998 are
 * lightweight members ({@link OnlineMembers}) online in this JVM, on their own threads, who open their envelopes,
 * apply changes by the group rules and make a fresh sender key when a removal applies. Before the clock the admin has
 * sent one group message, the real member has sent one (so both hold sessions with everyone) and every member has
 * handled its backlog. Measured, from the admin's {@code groups().remove} call: the call, the relay's acceptance of
 * the change to every member, and the time at which the last remaining member applied it (the real member's progress
 * is polled from its profile), with the CPU of the admin, of the real member and of the lightweight members; then
 * each real client's first group message after the removal (fresh key distributed to the 998 remaining members, then
 * one {@code send_multi}): what sending again costs a member. On this machine the 998 members share two cores; in a
 * real group each applies the change on its own device, so the time they take here is an upper bound.
 *
 * <pre>java -cp bench/target/parley-bench.jar dev.parley.bench.group.GroupRemovalBenchmark [members]</pre>
 */
public final class GroupRemovalBenchmark {
    private static final int TEXT_BYTES = 200;

    private GroupRemovalBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        System.out.printf("load average at start: %s%n", CpuMeter.loadAverage());
        try (GroupFixture f = new GroupFixture(false, members - 2);
             OnlineMembers online = new OnlineMembers(GroupFixture.CRYPTO, 2)) {
            f.profiles.create("member").close();
            f.createGroup(List.of("member"));
            String group = f.groupRef();
            f.admin.groups().send(group, GroupFixture.text(TEXT_BYTES, "before"));
            GroupFixture.await(f.admin);
            try (ParleyApp member = f.profiles.unlock("member")) {
                member.connection().start();
                GroupFixture.await(member);
                Set<Long> memberThreads = new HashSet<>(CpuMeter.idsNamed("parley-"));
                memberThreads.removeAll(f.adminThreads);
                long setup = System.nanoTime();
                member.groups().send(group, GroupFixture.text(TEXT_BYTES, "member before"));
                GroupFixture.await(member);
                memberThreads.addAll(CpuMeter.idsNamed("parley-"));
                memberThreads.removeAll(f.adminThreads);
                online.signInAll(f.client, f.relay.uri, f.light);
                System.out.printf("set-up: the real member's first message (sessions with %d members) and every light"
                        + " member's backlog took %.1f s; failures %d%n", members - 2, (System.nanoTime() - setup) / 1e9,
                        online.failures());
                run(f, online, member, memberThreads, group);
            }
        }
    }

    private static void run(GroupFixture f, OnlineMembers online, ParleyApp member, Set<Long> memberThreads,
                            String group) throws Exception {
        String removed = f.light.get(f.light.size() - 1).name;
        long revision = f.group.state().revision() + 1;
        CompletableFuture<Long> memberApplied = CompletableFuture.supplyAsync(() -> pollRevision(member, group, revision));
        CpuMeter meter = CpuMeter.start();
        long relayCpu = f.relay.cpuMillis();
        double callCpu = CpuMeter.currentThreadSeconds();
        long start = System.nanoTime();
        f.admin.groups().remove(group, List.of(removed));
        long called = System.nanoTime();
        callCpu = CpuMeter.currentThreadSeconds() - callCpu;
        GroupFixture.await(f.admin);
        long accepted = System.nanoTime();
        long lightDone = online.awaitRevision(revision, removed, TimeUnit.MINUTES.toMillis(10));
        long memberDone = memberApplied.get(10, TimeUnit.MINUTES);
        long everyone = Math.max(lightDone, memberDone);
        double adminCpu = meter.seconds(CpuMeter.ids(f.adminThreads));
        double memberCpu = meter.seconds(CpuMeter.ids(memberThreads));
        double lightCpu = meter.seconds(CpuMeter.named("bench-member-"));
        long relayCpuMs = f.relay.cpuMillis() - relayCpu;
        int remaining = f.group.state().members().size() - 2;
        System.out.printf(Locale.ROOT, "removal of 1 member from %d: admin's call %.1f ms (CPU %.1f ms), relay accepted"
                        + " the change for all %d after %.1f ms; every remaining member had applied it (fresh sender key)"
                        + " after %.1f ms (the real member after %.1f ms, the %d light ones after %.1f ms)%n",
                f.group.state().members().size(), (called - start) / 1e6, callCpu * 1e3, remaining + 1,
                (accepted - start) / 1e6, (everyone - start) / 1e6, (memberDone - start) / 1e6, remaining - 1,
                (lightDone - start) / 1e6);
        System.out.printf(Locale.ROOT, "CPU until then: admin %.1f ms (its call and connection threads), real member"
                        + " %.1f ms (applying the change), light members %.1f ms in all (%.2f ms each), relay %d ms;"
                        + " member failures %d; load average %s%n", adminCpu * 1e3, memberCpu * 1e3, lightCpu * 1e3,
                lightCpu * 1e3 / (remaining), relayCpuMs, online.failures(), CpuMeter.loadAverage());
        SendPhase adminAgain = SendPhase.measure(f.relay, f.admin, f.adminThreads,
                () -> f.admin.groups().send(group, GroupFixture.text(TEXT_BYTES, "admin after")));
        online.awaitIdle();
        System.out.println(adminAgain.line("admin's first message after"));
        SendPhase memberAgain = SendPhase.measure(f.relay, member, memberThreads,
                () -> member.groups().send(group, GroupFixture.text(TEXT_BYTES, "member after")));
        online.awaitIdle();
        System.out.println(memberAgain.line("member's first message after"));
        SendPhase memberNext = SendPhase.measure(f.relay, member, memberThreads,
                () -> member.groups().send(group, GroupFixture.text(TEXT_BYTES, "member next")));
        online.awaitIdle();
        System.out.println(memberNext.line("member's second message after"));
        System.out.printf("(uploads and stored count every client's frames, the light members' acknowledgements"
                + " included; member failures %d; load average at end %s)%n", online.failures(), CpuMeter.loadAverage());
    }

    /** Polls the real member's profile until it holds {@code revision}; returns when it first did. */
    private static long pollRevision(ParleyApp member, String group, long revision) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        try {
            while (System.nanoTime() < deadline) {
                if (member.groups().find(group).state().revision() >= revision) {
                    return System.nanoTime();
                }
                Thread.sleep(2);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the member's group", e);
        }
        throw new IllegalStateException("the real member did not apply the removal in time");
    }
}
