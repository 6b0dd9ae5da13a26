package dev.parley.bench.relay;

import dev.parley.crypto.prekey.KemPreKeyPublic;
import dev.parley.crypto.prekey.SignedPreKeyPublic;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.primitives.Ed25519KeyPair;
import dev.parley.crypto.primitives.MlKem1024;
import dev.parley.crypto.secret.SecretBytes;
import dev.parley.crypto.wire.AuthProof;
import dev.parley.crypto.wire.Envelope;
import dev.parley.crypto.wire.FlushScope;
import dev.parley.crypto.wire.FrameCodec;
import dev.parley.crypto.wire.MultiRecipientBlob;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.glassfish.tyrus.client.ClientManager;

/**
 * Relay fan-out of one group message (issue #15): one {@code send_multi} of a 200-byte body with a 100-byte sealed
 * header for each of 1,000 offline recipients, against the same 1,000 blobs sent as 1,000 {@code send} frames
 * (coalesced as the desktop client coalesces), alternating in one run against one relay (a child process on H2, as
 * in {@link RelayLoadGenerator}). Each round's clock runs from the first byte written until the last answer
 * (every blob durable in H2); the relay's CPU is read from its process between rounds.
 *
 * <pre>java -cp bench/target/parley-bench.jar dev.parley.bench.relay.MultiSendFanOut [recipients] [rounds] [memory]</pre>
 *
 * ({@code memory}: the relay on its in-memory stores, to separate the relay's own work from H2's.)
 */
public final class MultiSendFanOut {
    private static final CryptoProvider CRYPTO = CryptoProviders.preferred();
    private static final int HEADER_BYTES = 100;
    private static final int BODY_BYTES = 200;

    private MultiSendFanOut() {
    }

    public static void main(String[] args) throws Exception {
        int recipients = args.length > 0 ? Integer.parseInt(args[0]) : Request.MAX_MULTI_RECIPIENTS;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        boolean inMemory = args.length > 2 && "memory".equals(args[2]);
        Path dataDir = Files.createTempDirectory("parley-fanout-");
        ClientManager client = ClientManager.createClient();
        try (ServerProcess server = inMemory ? new ServerProcess("relay-memory")
                : new ServerProcess("relay", dataDir.toString())) {
            URI uri = URI.create("ws://127.0.0.1:" + server.port + "/parley");
            RelayConnection sender = signIn(client, uri, "sender");
            List<String> names = new ArrayList<>();
            for (int i = 0; i < recipients; i++) {
                names.add(String.format("member%04d", i));
            }
            registerAll(client, uri, names);
            for (int warmUp = 0; warmUp < 3; warmUp++) {
                multi(sender, names, warmUp);
                separate(sender, names, warmUp);
            }
            List<Double> multiMs = new ArrayList<>();
            List<Double> separateMs = new ArrayList<>();
            long multiCpu = 0;
            long separateCpu = 0;
            for (int round = 0; round < rounds; round++) {
                long cpu0 = server.cpuMillis();
                multiMs.add(multi(sender, names, 1000 + round));
                long cpu1 = server.cpuMillis();
                separateMs.add(separate(sender, names, 1000 + round));
                long cpu2 = server.cpuMillis();
                multiCpu += cpu1 - cpu0;
                separateCpu += cpu2 - cpu1;
                System.out.printf("round %d: send_multi %.1f ms, %d separate sends %.1f ms%n", round + 1,
                        multiMs.get(round), recipients, separateMs.get(round));
            }
            byte[] oneMulti = FrameCodec.cbor().encode(Envelope.of(1, multiRequest(names, 0)));
            long separateBytes = 0;
            for (Request.Send send : sends(names, 0)) {
                separateBytes += FrameCodec.cbor().encode(Envelope.of(1, send)).length;
            }
            System.out.printf("relay on %s; %d recipients, %d-byte body, %d-byte headers, %d rounds (after 3 warm-up"
                    + " rounds each)%n", inMemory ? "in-memory stores" : "H2", recipients, BODY_BYTES, HEADER_BYTES, rounds);
            System.out.printf("send_multi : median %.1f ms (min %.1f, max %.1f), relay CPU %.1f ms per fan-out, "
                    + "upload %,d bytes in one WebSocket message%n", median(multiMs), Collections.min(multiMs),
                    Collections.max(multiMs), (double) multiCpu / rounds, oneMulti.length);
            System.out.printf("separate   : median %.1f ms (min %.1f, max %.1f), relay CPU %.1f ms per fan-out, "
                    + "upload %,d bytes in %d frames%n", median(separateMs), Collections.min(separateMs),
                    Collections.max(separateMs), (double) separateCpu / rounds, separateBytes, recipients);
            System.out.printf("ratio separate / send_multi: time %.2f, relay CPU %.2f%n",
                    median(separateMs) / median(multiMs), (double) separateCpu / Math.max(1, multiCpu));
            sender.close();
        } finally {
            client.shutdown();
            try (var paths = Files.walk(dataDir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static byte[] id(int round, int recipient) {
        byte[] id = new byte[16];
        java.nio.ByteBuffer.wrap(id).putInt(round).putInt(recipient).putInt(0x6d756c74);
        return id;
    }

    private static byte[] filled(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (seed * 31 + i);
        }
        return b;
    }

    private static Request.SendMulti multiRequest(List<String> names, int round) {
        List<Request.MultiRecipient> recipients = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            recipients.add(new Request.MultiRecipient(names.get(i), id(2 * round, i), filled(HEADER_BYTES, i)));
        }
        return new Request.SendMulti(recipients, filled(BODY_BYTES, round));
    }

    /** The same blobs as {@link #multiRequest}, one {@code send} each (other client message ids). */
    private static List<Request.Send> sends(List<String> names, int round) {
        byte[] body = filled(BODY_BYTES, round);
        List<Request.Send> sends = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            sends.add(new Request.Send(names.get(i), id(2 * round + 1, i),
                    new MultiRecipientBlob(filled(HEADER_BYTES, i), body).encode()));
        }
        return sends;
    }

    private static double multi(RelayConnection sender, List<String> names, int round) throws Exception {
        Request.SendMulti request = multiRequest(names, round);
        long start = System.nanoTime();
        Response response = sender.request(request).get(60, TimeUnit.SECONDS);
        double ms = (System.nanoTime() - start) / 1e6;
        if (!(response instanceof Response.SendMultiResult result) || result.outcomes().stream()
                .anyMatch(o -> o.status() != Response.MultiSendStatus.ACCEPTED)) {
            throw new IllegalStateException("send_multi not accepted for everyone: " + response);
        }
        return ms;
    }

    private static double separate(RelayConnection sender, List<String> names, int round) throws Exception {
        List<Request.Send> sends = sends(names, round);
        List<CompletableFuture<Response>> answers = new ArrayList<>(sends.size());
        long start = System.nanoTime();
        FlushScope.run(() -> sends.forEach(send -> answers.add(sender.request(send))));
        for (CompletableFuture<Response> answer : answers) {
            Response response = answer.get(60, TimeUnit.SECONDS);
            if (!(response instanceof Response.SendAccepted accepted) || accepted.duplicate()) {
                throw new IllegalStateException("send not accepted: " + response);
            }
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /** Registers every recipient over one connection (registrations pipelined); they stay offline. */
    private static void registerAll(ClientManager client, URI uri, List<String> names) throws Exception {
        RelayConnection c = RelayConnection.open(client, uri);
        Push.Challenge challenge = c.challenge.get(30, TimeUnit.SECONDS);
        List<CompletableFuture<Response>> answers = new ArrayList<>();
        for (String name : names) {
            answers.add(c.request(registration(name, CRYPTO.ed25519().generateKeyPair(), challenge)));
        }
        for (CompletableFuture<Response> answer : answers) {
            if (!(answer.get(120, TimeUnit.SECONDS) instanceof Response.Ok)) {
                throw new IllegalStateException("registration failed");
            }
        }
        c.close();
    }

    private static RelayConnection signIn(ClientManager client, URI uri, String name) throws Exception {
        RelayConnection c = RelayConnection.open(client, uri);
        Push.Challenge challenge = c.challenge.get(30, TimeUnit.SECONDS);
        Ed25519KeyPair identity = CRYPTO.ed25519().generateKeyPair();
        if (!(c.request(registration(name, identity, challenge)).get(30, TimeUnit.SECONDS) instanceof Response.Ok)) {
            throw new IllegalStateException("registration failed");
        }
        Response r = c.request(new Request.Authenticate(name, CRYPTO.ed25519().sign(identity,
                AuthProof.signedMessage(challenge.relayId(), challenge.nonce(), name, AuthProof.noChannel()))))
                .get(30, TimeUnit.SECONDS);
        if (!(r instanceof Response.Authenticated)) {
            throw new IllegalStateException("authentication failed: " + r);
        }
        c.queueEmpty.get(30, TimeUnit.SECONDS);
        return c;
    }

    private static Request.Register registration(String name, Ed25519KeyPair identity, Push.Challenge challenge) {
        byte[] spk = CRYPTO.x25519().generateKeyPair().publicKey();
        SignedPreKeyPublic signed = new SignedPreKeyPublic(1, spk,
                CRYPTO.ed25519().sign(identity, SignedPreKeyPublic.signedMessage(1, spk)));
        byte[] kem = MlKem1024.publicKey(SecretBytes.wrap(CRYPTO.random().bytes(MlKem1024.SEED_BYTES)));
        KemPreKeyPublic lastResort = new KemPreKeyPublic(1, kem,
                CRYPTO.ed25519().sign(identity, KemPreKeyPublic.signedMessage(1, kem)));
        byte[] proof = CRYPTO.ed25519().sign(identity, AuthProof.registrationMessage(challenge.relayId(), name));
        return new Request.Register(name, identity.publicKey(), signed, List.of(), lastResort, List.of(), null, proof);
    }
}
