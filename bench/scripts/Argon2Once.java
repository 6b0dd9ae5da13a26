import dev.parley.crypto.primitives.Argon2Params;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.CryptoProviders;

/** Prints the milliseconds of one Argon2id derivation at the desktop cost, after one warm-up (used by startup.sh). */
public class Argon2Once {
    public static void main(String[] args) {
        CryptoProvider crypto = CryptoProviders.preferred();
        byte[] salt = new byte[16];
        crypto.argon2id().argon2id("warm-up".getBytes(), salt, Argon2Params.DESKTOP_DEFAULT, 32).close();
        long start = System.nanoTime();
        crypto.argon2id().argon2id("timed".getBytes(), salt, Argon2Params.DESKTOP_DEFAULT, 32).close();
        System.out.println((System.nanoTime() - start) / 1_000_000);
    }
}
