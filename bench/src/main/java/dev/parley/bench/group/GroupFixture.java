package dev.parley.bench.group;

import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.storage.StoredGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.glassfish.tyrus.client.ClientManager;

/**
 * A large group for the benchmarks: the relay (child process), {@code light} lightweight members registered with it
 * (offline until a benchmark signs them in) and the admin, a real client profile ("admin") that is online and created
 * the group with every light member and the given real members.
 */
public final class GroupFixture implements AutoCloseable {
    static final CryptoProvider CRYPTO = CryptoProviders.preferred();

    final BenchRelay relay;
    final ClientManager client = ClientManager.createClient();
    final List<LightMember> light = new ArrayList<>();
    final ClientProfiles profiles;
    final ParleyApp admin;
    /** The admin's threads (by id, taken when the group is created, while no other profile is open), for its CPU. */
    Set<Long> adminThreads;
    StoredGroup group;

    GroupFixture(boolean inMemoryRelay, int lightMembers) throws Exception {
        quiet();
        relay = new BenchRelay(inMemoryRelay);
        for (int i = 0; i < lightMembers; i++) {
            light.add(new LightMember(CRYPTO, String.format("member%04d", i)));
        }
        MemberLinks.registerAll(client, relay.uri, light);
        profiles = new ClientProfiles(relay.uri);
        admin = profiles.create("admin");
        admin.connection().start();
        await(admin);
    }

    /** Creates the group (revision 1): the admin, then {@code realMembers}, then every light member. */
    void createGroup(List<String> realMembers) throws Exception {
        List<String> names = new ArrayList<>(realMembers);
        light.forEach(m -> names.add(m.name));
        long start = System.nanoTime();
        group = admin.groups().create("Benchmark group", names);
        await(admin);
        adminThreads = CpuMeter.idsNamed("parley-");
        System.out.printf("group of %d created in %.1f s (sessions with %d members, the signed change sent to each)%n",
                group.state().members().size(), (System.nanoTime() - start) / 1e9, names.size());
    }

    String groupRef() {
        return group.state().id().hex();
    }

    static void await(ParleyApp app) throws Exception {
        if (!app.connection().awaitDrained(Duration.ofMinutes(10))) {
            throw new IllegalStateException("a client did not drain within 10 minutes");
        }
    }

    /** A text of exactly {@code bytes} ASCII characters, distinct per {@code tag}. */
    public static String text(int bytes, String tag) {
        StringBuilder b = new StringBuilder(tag).append(' ');
        while (b.length() < bytes) {
            b.append((char) ('a' + b.length() % 26));
        }
        return b.substring(0, bytes);
    }

    public static void quiet() {
        org.slf4j.Logger root = org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        java.util.logging.Logger.getLogger("org.glassfish").setLevel(java.util.logging.Level.WARNING);
    }

    @Override
    public void close() throws Exception {
        try {
            admin.close();
            client.shutdown();
            profiles.close();
        } finally {
            relay.close();
        }
    }
}
