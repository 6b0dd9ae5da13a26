package dev.parley.bench.relay;

import dev.parley.crypto.wire.Envelope;
import dev.parley.crypto.wire.FrameCodec;
import dev.parley.crypto.wire.FrameDecodeException;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JSON vs CBOR for the two frames on the hot path (a 200-byte sealed send and its delivery).
 * {@code java -jar bench/target/parley-bench.jar FrameCodecBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FrameCodecBenchmark {
    @Param({"cbor", "json"})
    public String format;

    private FrameCodec codec;
    private Envelope send;
    private Envelope deliver;
    private byte[] sendBytes;
    private byte[] deliverBytes;

    @Setup
    public void setUp() {
        codec = "cbor".equals(format) ? FrameCodec.cbor() : FrameCodec.json();
        Random random = new Random(1);
        byte[] blob = new byte[200];
        byte[] id = new byte[16];
        random.nextBytes(blob);
        random.nextBytes(id);
        send = Envelope.of(12345, new Request.Send("bob.example", id, blob));
        deliver = Envelope.push(new Push.Deliver(987654, 1_763_700_000_000L, blob));
        sendBytes = codec.encode(send);
        deliverBytes = codec.encode(deliver);
    }

    @Benchmark
    public byte[] encodeSend() {
        return codec.encode(send);
    }

    @Benchmark
    public Envelope decodeSend() throws FrameDecodeException {
        return codec.decode(sendBytes);
    }

    @Benchmark
    public byte[] encodeDeliver() {
        return codec.encode(deliver);
    }

    @Benchmark
    public Envelope decodeDeliver() throws FrameDecodeException {
        return codec.decode(deliverBytes);
    }
}
