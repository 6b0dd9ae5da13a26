package dev.parley.bench.presence;

import dev.parley.crypto.envelope.SealedSender;
import dev.parley.crypto.envelope.SenderCertificate;
import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.identity.Username;
import dev.parley.crypto.payload.MessageId;
import dev.parley.crypto.payload.Payload;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.session.PreKeyGenerator;
import dev.parley.crypto.session.ProtocolContext;
import dev.parley.crypto.session.SessionBuilder;
import dev.parley.crypto.session.SessionCipher;
import dev.parley.crypto.store.ProtocolStores;
import dev.parley.crypto.store.inmemory.InMemoryIdentityKeyStore;
import dev.parley.crypto.store.inmemory.InMemoryKemPreKeyStore;
import dev.parley.crypto.store.inmemory.InMemoryPreKeyStore;
import dev.parley.crypto.store.inmemory.InMemorySessionStore;
import dev.parley.crypto.store.inmemory.InMemorySignedPreKeyStore;
import dev.parley.crypto.wire.AuthProof;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.desktop.net.RelayAddress;
import dev.parley.desktop.net.RelayLink;
import dev.parley.desktop.net.RelayLinkListener;
import dev.parley.desktop.net.TyrusRelayConnector;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The contacts of {@link PresenceFanOutBenchmark}, in a process of their own (so that what they cost is not counted as
 * the client's): N relay accounts whose keys this process holds, each on its own authenticated WebSocket. Driven over
 * stdin/stdout: {@code greet USER} (each account fetches USER's bundle, starts a PQXDH session and sends one text, so
 * USER gets N message requests), {@code connect} (signs every account in again, after a relay restart), {@code reset}
 * and {@code count} (ephemeral frames received since the reset), {@code quit}. Deliveries (receipts) are acknowledged.
 *
 * <pre>java -cp bench/target/parley-bench.jar dev.parley.bench.presence.ContactCrowd RELAY-URI N</pre>
 */
public final class ContactCrowd {
    private static final String PREFIX = "friend";

    private final CryptoProvider crypto = CryptoProviders.preferred();
    private final ProtocolContext context = ProtocolContext.of(crypto);
    private final TyrusRelayConnector connector = TyrusRelayConnector.standard();
    private final RelayAddress relay;
    private final List<Member> members = new ArrayList<>();
    private final AtomicLong ephemeral = new AtomicLong();

    private ContactCrowd(URI relay, int count) {
        this.relay = new RelayAddress(relay, Optional.empty());
        for (int i = 0; i < count; i++) {
            members.add(new Member(String.format("%s%04d", PREFIX, i)));
        }
        // the relay closes a connection that sends nothing for 30 s: every link pings every 10 s, as clients do
        java.util.concurrent.ScheduledExecutorService pinger = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "crowd-ping");
                    t.setDaemon(true);
                    return t;
                });
        pinger.scheduleWithFixedDelay(() -> {
            for (Member m : members) {
                RelayLink l = m.link;
                if (l != null && l.isOpen()) {
                    l.ping();
                }
            }
        }, 10, 10, TimeUnit.SECONDS);
    }

    /** The username of the {@code i}th contact. */
    static String username(int i) {
        return String.format("%s%04d", PREFIX, i);
    }

    public static void main(String[] args) throws Exception {
        org.slf4j.Logger root = org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        java.util.logging.Logger.getLogger("org.glassfish").setLevel(java.util.logging.Level.WARNING);
        ContactCrowd crowd = new ContactCrowd(URI.create(args[0]), Integer.parseInt(args[1]));
        System.out.println("READY");
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] words = line.trim().split("\\s+");
            switch (words[0]) {
                case "greet" -> System.out.println("GREETED " + crowd.greet(words[1]));
                case "connect" -> System.out.println("CONNECTED " + crowd.connectAll(false));
                case "reset" -> {
                    crowd.ephemeral.set(0);
                    System.out.println("RESET");
                }
                case "count" -> System.out.println("COUNT " + crowd.ephemeral.get());
                case "quit" -> {
                    crowd.closeAll();
                    System.out.println("BYE");
                    System.out.flush();
                    System.exit(0);
                }
                default -> System.out.println("? " + line);
            }
            System.out.flush();
        }
    }

    /** Registers and signs in every account, then each greets {@code user}; returns how many were accepted. */
    private int greet(String user) throws Exception {
        connectAll(true);
        int accepted = 0;
        for (Member m : members) {
            Response.Bundle bundle = expect(m.link.request(new Request.FetchBundle(user)), Response.Bundle.class);
            Username peer = new Username(user);
            new SessionBuilder(m.stores, context, peer).initiate(bundle.bundle());
            byte[] blob = new SealedSender(crypto).seal(new IdentityKey(bundle.bundle().identityKey()), m.identity,
                    m.certificate, new SessionCipher(m.stores, context, peer).encrypt(new Payload.Text(
                            MessageId.random(crypto.random()), System.currentTimeMillis(), "hello from " + m.name)));
            expect(m.link.request(new Request.Send(user, MessageId.random(crypto.random()).bytes(), blob)),
                    Response.SendAccepted.class);
            accepted++;
        }
        return accepted;
    }

    private int connectAll(boolean register) throws Exception {
        closeAll();
        int signedIn = 0;
        for (Member m : members) {
            m.connect(register);
            signedIn++;
        }
        return signedIn;
    }

    private void closeAll() {
        for (Member m : members) {
            if (m.link != null) {
                try {
                    m.link.close();
                } catch (Exception e) {
                    // already closed
                }
                m.link = null;
            }
        }
    }

    /** One contact: its keys, its session stores, its link. */
    private final class Member implements RelayLinkListener {
        final String name;
        final IdentityKeyPair identity = IdentityKeyPair.generate(crypto, crypto.random());
        final ProtocolStores stores = new ProtocolStores(new InMemorySessionStore(), new InMemoryIdentityKeyStore(identity),
                new InMemoryPreKeyStore(), new InMemorySignedPreKeyStore(), new InMemoryKemPreKeyStore());
        volatile RelayLink link;
        volatile SenderCertificate certificate;
        private volatile CompletableFuture<Push.Challenge> challenge = new CompletableFuture<>();

        Member(String name) {
            this.name = name;
        }

        void connect(boolean register) throws Exception {
            challenge = new CompletableFuture<>();
            link = connector.connect(relay, this);
            Push.Challenge c = challenge.get(60, TimeUnit.SECONDS);
            if (register) {
                var signed = new PreKeyGenerator(context).generateSignedPreKey(identity, 1);
                var lastResort = new PreKeyGenerator(context).generateKemPreKey(identity, 1, true);
                byte[] proof = crypto.ed25519().sign(identity.signingKeyPair(),
                        AuthProof.registrationMessage(c.relayId(), name));
                expect(link.request(new Request.Register(name, identity.publicKey().bytes(), signed.publicPart(),
                        List.of(), lastResort.publicPart(), List.of(), null, proof)), Response.Ok.class);
            }
            byte[] signature = crypto.ed25519().sign(identity.signingKeyPair(),
                    AuthProof.signedMessage(c.relayId(), c.nonce(), name, AuthProof.noChannel()));
            Response.Authenticated authenticated = expect(link.request(new Request.Authenticate(name, signature)),
                    Response.Authenticated.class);
            certificate = SenderCertificate.parse(authenticated.senderCertificate());
        }

        @Override
        public void onPush(Push push) {
            if (push instanceof Push.Challenge c) {
                challenge.complete(c);
            } else if (push instanceof Push.Ephemeral) {
                ephemeral.incrementAndGet();
            } else if (push instanceof Push.Deliver deliver) {
                RelayLink l = link;
                if (l != null) {
                    l.fireAll(java.util.List.of(new Request.Ack(deliver.messageId())));
                }
            }
        }

        @Override
        public void onClosed(String reason) {
            challenge.completeExceptionally(new IllegalStateException("closed: " + reason));
        }
    }

    private static <T extends Response> T expect(CompletableFuture<Response> future, Class<T> type) throws Exception {
        Response response = future.get(60, TimeUnit.SECONDS);
        if (!type.isInstance(response)) {
            throw new IllegalStateException("relay answered " + response);
        }
        return type.cast(response);
    }
}
