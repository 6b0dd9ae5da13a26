package dev.parley.bench.client;

import dev.parley.crypto.primitives.Argon2Params;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.desktop.profile.AppDirectories;
import dev.parley.desktop.profile.ProfileException;
import dev.parley.desktop.profile.ProfileManager;
import dev.parley.desktop.profile.ProfileName;
import dev.parley.desktop.storage.AccountInfo;
import dev.parley.desktop.storage.EventPublisher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Unlocking a profile with the production Argon2id cost ({@link Argon2Params#DESKTOP_DEFAULT}: 64 MiB, 3 passes) and
 * locking it again: Argon2id + HKDF, read-only trust inspection, read-write open, Flyway validation, close. The wrong
 * passphrase case costs the Argon2id part only (the key check fails before the database is touched).
 *
 * <pre>java -jar bench/target/parley-bench.jar 'dev.parley.bench.client.UnlockBenchmark'</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 8)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class UnlockBenchmark {
    static final ProfileName NAME = new ProfileName("bench");
    Path dataDir;
    ProfileManager profiles;

    @Setup(Level.Trial)
    public void createProfile() throws IOException, ProfileException {
        dataDir = Files.createTempDirectory("parley-bench-unlock");
        profiles = new ProfileManager(new AppDirectories(dataDir), CryptoProviders.preferred(),
                Argon2Params.DESKTOP_DEFAULT);
        profiles.create(NAME, new AccountInfo("bench", "wss://relay.invalid"), "correct horse".toCharArray(),
                EventPublisher.NONE).lock();
    }

    @TearDown(Level.Trial)
    public void remove() throws IOException {
        try (Stream<Path> walk = Files.walk(dataDir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public void unlockAndLock() throws ProfileException {
        profiles.unlock(NAME, "correct horse".toCharArray(), EventPublisher.NONE).lock();
    }

    @Benchmark
    public boolean wrongPassphrase() {
        try {
            profiles.unlock(NAME, "wrong horse".toCharArray(), EventPublisher.NONE).lock();
            return false;
        } catch (ProfileException e) {
            return true;
        }
    }
}
